import type { Ref } from 'preact';
import { useBinding } from './binding-context.ts';
import { ChatIcon, CloseIcon } from './icons.tsx';

export interface LauncherProps {
  buttonRef: Ref<HTMLButtonElement>;
  /** Starts loading the panel before the click lands. */
  onIntent(): void;
}

export function Launcher({ buttonRef, onIntent }: LauncherProps) {
  const { core, state, t } = useBinding();
  const open = state.value.open;
  return (
    <button
      ref={buttonRef}
      type="button"
      class="hd-launcher"
      aria-label={t(open ? 'launcher.close' : 'launcher.open')}
      aria-expanded={open}
      aria-controls={open ? 'hd-panel' : undefined}
      onClick={() => core.toggle()}
      onPointerEnter={onIntent}
      onFocus={onIntent}
    >
      {open ? <CloseIcon /> : <ChatIcon />}
    </button>
  );
}
