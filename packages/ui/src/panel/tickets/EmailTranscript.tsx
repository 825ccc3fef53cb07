import type { Ticket } from '@helpdock/protocol';
import { useState } from 'preact/hooks';
import { useBinding } from '../../binding-context.ts';
import { isolate } from '../../isolate.ts';

type Sending = { kind: 'idle' } | { kind: 'form' } | { kind: 'sending' } | { kind: 'sent'; to: string } | { kind: 'failed'; key: string };

const failure = (reason: string) =>
  reason === 'invalid_event' ? 'transcript.email_invalid' : reason === 'rate_limited' ? 'transcript.email_limited' : reason === 'unavailable' ? 'transcript.email_unavailable' : 'transcript.email_failed';

/**
 * "E-mail transcript": the server mails its own copy of the ticket's conversation to the
 * address typed here. Offered only when the server says it sends e-mail; the address
 * stays in the field after a failure, and the outcome is announced politely.
 */
export function EmailTranscript({ ticket }: { ticket: Ticket }) {
  const { core, state, t, dir } = useBinding();
  const [email, setEmail] = useState(ticket.contactEmail ?? '');
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });
  if (!state.value.transcriptEmail) return null;
  const submit = async () => {
    if (!email.trim() || sending.kind === 'sending') return;
    setSending({ kind: 'sending' });
    const result = await core.emailTranscript(ticket.id, email);
    setSending(result.ok ? { kind: 'sent', to: result.sentTo } : { kind: 'failed', key: failure(result.reason) });
  };
  const status =
    sending.kind === 'sent' ? t('transcript.email_sent', { email: isolate(sending.to, dir.value) }) : sending.kind === 'failed' ? t(sending.key) : '';
  return (
    <span class="hd-transcript-email">
      {sending.kind === 'idle' || sending.kind === 'sent' ? (
        <button type="button" class="hd-link-button" onClick={() => setSending({ kind: 'form' })}>
          {t('transcript.email')}
        </button>
      ) : (
        <form
          class="hd-email"
          aria-label={t('transcript.email')}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label for="hd-transcript-email">{t('transcript.email_label')}</label>
          <input
            id="hd-transcript-email"
            class="hd-input"
            type="email"
            autoComplete="email"
            required
            value={email}
            aria-invalid={sending.kind === 'failed' && sending.key === 'transcript.email_invalid' ? 'true' : undefined}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
          <button type="submit" class="hd-send" disabled={sending.kind === 'sending'}>
            {t('transcript.email_send')}
          </button>
          <button type="button" class="hd-link-button" onClick={() => setSending({ kind: 'idle' })}>
            {t('transcript.email_cancel')}
          </button>
        </form>
      )}
      <span role="status" class="hd-meta">
        {status}
      </span>
    </span>
  );
}
