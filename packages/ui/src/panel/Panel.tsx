import { useEffect, useRef } from 'preact/hooks';
import { useBinding } from '../binding-context.ts';
import { CloseIcon } from '../icons.tsx';
import { ArticleView } from './ArticleView.tsx';
import { Composer } from './Composer.tsx';
import { ContextLine } from './ContextLine.tsx';
import { HandoffReview } from './HandoffReview.tsx';
import { HumanButton } from './HumanButton.tsx';
import { Intake } from './Intake.tsx';
import { MessageList } from './MessageList.tsx';
import { Notice } from './Notice.tsx';
import { StatusBanner } from './StatusBanner.tsx';
import { TicketHeader } from './TicketHeader.tsx';
import { ConversationTools } from './tickets/ConversationTools.tsx';
import { PastTicketView } from './tickets/PastTicketView.tsx';
import { TicketList } from './tickets/TicketList.tsx';
import { useVisualViewport } from './use-visual-viewport.ts';

export interface PanelProps {
  /** Moves focus to the composer when the panel appears. */
  autoFocus: boolean;
  /** Closes the panel and gives focus back to the launcher. */
  onDismiss(): void;
}

export function Panel({ autoFocus, onDismiss }: PanelProps) {
  const { state, t } = useBinding();
  const { article, reviewingHandoff, view, pastTicket } = state.value;
  const root = useRef<HTMLDivElement>(null);
  useVisualViewport(root);

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
      {view === 'tickets' ? (
        <>
          <Notice />
          <TicketList />
        </>
      ) : pastTicket ? (
        <>
          <Notice />
          <PastTicketView />
        </>
      ) : (
        <>
          <ContextLine />
          <TicketHeader />
          <StatusBanner />
          <Notice />
          {article ? <ArticleView /> : reviewingHandoff ? <HandoffReview /> : <MessageList />}
          {article || reviewingHandoff ? null : <Intake />}
          {article || reviewingHandoff ? null : <ConversationTools />}
          {reviewingHandoff && !article ? null : <HumanButton />}
          <Composer />
        </>
      )}
    </div>
  );
}
