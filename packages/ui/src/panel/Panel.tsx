import { useEffect, useRef } from 'preact/hooks';
import { useBinding } from '../binding-context.ts';
import { CloseIcon } from '../icons.tsx';
import { Composer } from './Composer.tsx';
import { ContextLine } from './ContextLine.tsx';
import { HumanButton } from './HumanButton.tsx';
import { lazyView } from './lazy.tsx';
import { MessageList } from './MessageList.tsx';
import { Notice } from './Notice.tsx';
import { StatusBanner } from './StatusBanner.tsx';
import { useVisualViewport } from './use-visual-viewport.ts';

// Views a plain open chat does not show: each its own chunk, fetched when first shown (the ticket's, one step ahead).
const ArticleView = lazyView(() => import('./ArticleView.tsx').then((m) => m.ArticleView), { later: true });
const HandoffReview = lazyView(() => import('./HandoffReview.tsx').then((m) => m.HandoffReview));
const Intake = lazyView(() => import('./Intake.tsx').then((m) => m.Intake), { later: true });
const TicketHeader = lazyView(() => import('./TicketHeader.tsx').then((m) => m.TicketHeader));
const ConversationTools = lazyView(() => import('./tickets/ConversationTools.tsx').then((m) => m.ConversationTools));
const PastTicketView = lazyView(() => import('./tickets/PastTicketView.tsx').then((m) => m.PastTicketView), { later: true });
const TicketList = lazyView(() => import('./tickets/TicketList.tsx').then((m) => m.TicketList), { later: true });

export interface PanelProps {
  /** Moves focus to the composer when the panel appears. */
  autoFocus: boolean;
  /** Closes the panel and gives focus back to the launcher. */
  onDismiss(): void;
}

export function Panel({ autoFocus, onDismiss }: PanelProps) {
  const { state, t } = useBinding();
  const { article, reviewingHandoff, view, pastTicket, ticket, intake, messages } = state.value;
  const root = useRef<HTMLDivElement>(null);
  useVisualViewport(root);

  useEffect(() => {
    if (autoFocus) root.current?.querySelector('textarea')?.focus();
  }, []);
  // On the way to a person: the ticket's view loads while they answer or review.
  const handingOff = reviewingHandoff || !!intake;
  useEffect(() => {
    if (handingOff) void TicketHeader.preload().catch(() => undefined);
  }, [handingOff]);

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
          {ticket ? <TicketHeader /> : null}
          <StatusBanner />
          <Notice />
          {article ? <ArticleView /> : reviewingHandoff ? <HandoffReview /> : <MessageList />}
          {article || reviewingHandoff || !intake ? null : <Intake />}
          {article || reviewingHandoff || (!ticket && messages.length === 0) ? null : <ConversationTools />}
          {reviewingHandoff && !article ? null : <HumanButton />}
          <Composer />
        </>
      )}
    </div>
  );
}
