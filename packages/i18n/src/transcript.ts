import type { Translate } from './launcher-strings.ts';

/** One message of a transcript, its text already in words. */
export interface TranscriptLine {
  author: string;
  authorName?: string | undefined;
  /** ISO time. */
  createdAt: string;
  text: string;
}

/** What a transcript says of its ticket. */
export interface TranscriptTicket {
  number: number;
  subject: string;
  status: string;
  resolution?: string | null | undefined;
}

// UTC, to the second, the same in every locale: a transcript is often pasted into another tool.
const stamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

function speaker(line: TranscriptLine, t: Translate): string {
  const role = t(`author.${line.author}`);
  return line.author === 'agent' && line.authorName ? `${line.authorName} (${role})` : role;
}

/**
 * A conversation as plain text in the reader's language: a header with the ticket's number,
 * subject, status and resolution, then one block per message with its time and speaker. The
 * widget's download and the server's e-mail are the same text.
 */
export function transcriptText(lines: readonly TranscriptLine[], ticket: TranscriptTicket | null, t: Translate, now: Date): string {
  const head: string[] = [t('panel.title')];
  if (ticket) {
    head.push(`${t('ticket.number', { number: ticket.number })}: ${ticket.subject}`);
    head.push(t(`ticket.status.${ticket.status}`));
    if (ticket.resolution) head.push(t('ticket.resolution', { text: ticket.resolution }));
  }
  head.push(t('transcript.generated', { time: stamp(now.toISOString()) }));
  const blocks = lines.map((line) => `[${stamp(line.createdAt)}] ${speaker(line, t)}:\n${line.text}`);
  return `${head.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}
