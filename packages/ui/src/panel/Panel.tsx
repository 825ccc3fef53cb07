import { useEffect, useRef } from 'preact/hooks';
import { useBinding } from '../binding-context.ts';
import { CloseIcon } from '../icons.tsx';
import { Composer } from './Composer.tsx';
import { HumanButton } from './HumanButton.tsx';
import { MessageList } from './MessageList.tsx';
import { Notice } from './Notice.tsx';
import { TicketHeader } from './TicketHeader.tsx';

export interface PanelProps {
  /** Moves focus to the composer when the panel appears. */
  autoFocus: boolean;
  /** Closes the panel and gives focus back to the launcher. */
  onDismiss(): void;
}

export function Panel({ autoFocus, onDismiss }: PanelProps) {
  const { t } = useBinding();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (autoFocus) root.current?.querySelector('textarea')?.focus();
  }, []);

  return (
    <div
      ref={root}
      id="hd-panel"
      class="hd-panel"
      role="dialog"
      aria-label={t('panel.label')}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.isComposing) {
          e.stopPropagation();
          onDismiss();
        }
      }}
    >
      <div class="hd-header">
        <h2 class="hd-title">{t('panel.title')}</h2>
        <button type="button" class="hd-icon-button" aria-label={t('panel.minimize')} onClick={onDismiss}>
          <CloseIcon />
        </button>
      </div>
      <TicketHeader />
      <Notice />
      <MessageList />
      <HumanButton />
      <Composer />
    </div>
  );
}
