import type { ChatMessage } from '@helpdock/core';
import type { Ticket } from '@helpdock/protocol';
import type { Translate } from '../../binding.ts';

// UTC, to the second, the same in every locale: a transcript is often pasted into another tool.
const stamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

function speaker(m: ChatMessage, t: Translate): string {
  const role = t(`author.${m.author}`);
  return m.author === 'agent' && m.authorName ? `${m.authorName} (${role})` : role;
}

function body(m: ChatMessage, t: Translate): string {
  if (m.article) return `${m.article.title}\n${m.article.body}`;
  if (m.i18n) return t(m.i18n.key, m.i18n.params);
  const listed = m.suggestions?.map((a) => `- ${a.title}`).join('\n');
  return listed ? `${m.text}\n${listed}`.trim() : m.text;
}

/** The conversation as plain text, from state: one block per message with its time and speaker. */
export function transcriptText(messages: readonly ChatMessage[], ticket: Ticket | null, t: Translate, now: Date): string {
  const head: string[] = [t('panel.title')];
  if (ticket) {
    head.push(`${t('ticket.number', { number: ticket.number })}: ${ticket.subject}`);
    head.push(t(`ticket.status.${ticket.status}`));
    if (ticket.resolution) head.push(t('ticket.resolution', { text: ticket.resolution }));
  }
  head.push(t('transcript.generated', { time: stamp(now.toISOString()) }));
  const lines = messages.filter((m) => !m.pending).map((m) => `[${stamp(m.createdAt)}] ${speaker(m, t)}:\n${body(m, t)}`);
  return `${head.join('\n')}\n\n${lines.join('\n\n')}\n`;
}

/** Saves text as a file through a temporary link: no server round trip, nothing rendered as HTML. */
export function downloadText(doc: Document, parent: Node, filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  parent.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
