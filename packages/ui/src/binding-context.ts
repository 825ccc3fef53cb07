import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { UiBinding } from './binding.ts';

export const BindingContext = createContext<UiBinding | null>(null);

export function useBinding(): UiBinding {
  const binding = useContext(BindingContext);
  if (!binding) throw new Error('[helpdock] UI component rendered outside <App>');
  return binding;
}
