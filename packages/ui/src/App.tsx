import { useSignalEffect } from '@preact/signals';
import { useRef } from 'preact/hooks';
import type { UiBinding } from './binding.ts';
import { BindingContext } from './binding-context.ts';
import { Nudge } from './Nudge.tsx';
import { Panel } from './panel/Panel.tsx';

export interface AppProps {
  binding: UiBinding;
  /** The chat was open before the user did anything (a reload restored it). @default whether it is open now */
  restoredOpen?: boolean;
  /** Closes the panel and gives focus back to the launcher. */
  onDismiss(): void;
}

/** The panel's tree (and the launcher's nudge, which needs the same code); the launcher beside it is plain DOM (launcher.ts), so it can show before this loads. */
export function App({ binding, restoredOpen: restored = binding.state.peek().open, onDismiss }: AppProps) {
  // A panel restored open by a reload must not pull focus away from the page; one the user opens does.
  const restoredOpen = useRef(restored);
  useSignalEffect(() => {
    if (!binding.state.value.open) restoredOpen.current = false;
  });

  return (
    <BindingContext.Provider value={binding}>
      {binding.state.value.open ? <Panel autoFocus={!restoredOpen.current} onDismiss={onDismiss} /> : <Nudge />}
    </BindingContext.Provider>
  );
}
