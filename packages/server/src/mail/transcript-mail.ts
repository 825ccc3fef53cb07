import { loadStrings, transcriptText } from '@helpdock/i18n';
import { loadLaterBundle } from '@helpdock/i18n/later';
import type { Message, Ticket } from '@helpdock/protocol';
import type { Mail } from './mailer.ts';

/**
 * The ticket's conversation as the server stored it, in the visitor's language: the same
 * text as the transcript the widget downloads. Plain text, never HTML.
 */
export async function transcriptMail(to: string, ticket: Ticket, messages: readonly Message[], now: Date): Promise<Mail> {
  const { t } = await loadStrings(ticket.context.locale, 'widget', undefined, loadLaterBundle);
  const subject = `${t('panel.title')} — ${t('ticket.number', { number: ticket.number })}: ${ticket.subject}`;
  return { to, subject, text: transcriptText(messages, ticket, t, now) };
}
