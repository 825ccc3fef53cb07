import { useBinding } from '../binding-context.ts';
import { lazyView } from './lazy.tsx';

const Diagnostics = lazyView(() => import('./Diagnostics.tsx').then((m) => m.Diagnostics), { later: true });

/** "Run a check", where the host registered one: its code loads only then. */
export function RunCheck() {
  const { state } = useBinding();
  return state.value.diagnostics.available ? <Diagnostics /> : null;
}
