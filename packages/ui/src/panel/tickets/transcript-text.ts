import type { ChatMessage } from '@helpdock/core';
import type { Ticket } from '@helpdock/protocol';
import { transcriptText as formatTranscript } from '@helpdock/i18n';
import type { Translate } from '../../binding.ts';

function body(m: ChatMessage, t: Translate): string {
  if (m.article) return `${m.article.title}\n${m.article.body}`;
  if (m.i18n) return t(m.i18n.key, m.i18n.params);
  const listed = m.suggestions?.map((a) => `- ${a.title}`).join('\n');
  return listed ? `${m.text}\n${listed}`.trim() : m.text;
}

/** The conversation as plain text, from state: one block per message with its time and speaker. */
export function transcriptText(messages: readonly ChatMessage[], ticket: Ticket | null, t: Translate, now: Date): string {
  const lines = messages.filter((m) => !m.pending).map((m) => ({ author: m.author, authorName: m.authorName, createdAt: m.createdAt, text: body(m, t) }));
  return formatTranscript(lines, ticket, t, now);
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
