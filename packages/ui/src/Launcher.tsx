import type { Ref } from 'preact';
import { selectUnread } from '@helpdock/core';
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
  const unread = open ? 0 : selectUnread(state.value);
  return (
    <button
      ref={buttonRef}
      type="button"
      class="hd-launcher"
      aria-label={open ? t('launcher.close') : unread > 0 ? t('launcher.openUnread', { count: unread }) : t('launcher.open')}
      aria-expanded={open}
      aria-controls={open ? 'hd-panel' : undefined}
      onClick={() => core.toggle()}
      onPointerEnter={onIntent}
      onFocus={onIntent}
    >
      {open ? <CloseIcon /> : <ChatIcon />}
      {unread > 0 ? (
        <span class="hd-badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </button>
  );
}
