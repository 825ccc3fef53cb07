import { LIMITS, type ContextSnapshot, type TranscriptEntry } from '@helpdock/protocol';
import type { CoreContext } from './context.ts';
import type { ChatMessage } from './state.ts';

const ARTICLE_ID = /^[A-Za-z0-9_-]{1,64}$/;

// The transcript is read by agents, not visitors: bot turns are described in plain words, not i18n keys.
function describe(m: ChatMessage): string {
  if (m.article) return `${m.article.title}\n\n${m.text}${m.feedback === 'no' ? '\n\n(The visitor said this did not solve it.)' : ''}`;
  if (m.suggestions) return `Suggested: ${m.suggestions.map((a) => a.title).join('; ')}`;
  if (m.i18n?.key === 'bot.unknown') return '(no answer found)';
  // Other lines in our own words (thanks, intake prompts) tell an agent nothing; action outcomes keep the host's text.
  return m.text;
}

/** The bot-era turns, in the shape the server accepts at handoff. */
export function buildTranscript(messages: ChatMessage[]): TranscriptEntry[] {
  const entries: TranscriptEntry[] = [];
  for (const m of messages) {
    if (m.seq !== undefined || (m.author !== 'visitor' && m.author !== 'bot')) continue;
    const text = (m.author === 'bot' ? describe(m) : m.text).trim().slice(0, LIMITS.messageText);
    if (!text) continue;
    const entry: TranscriptEntry = { author: m.author, text, at: m.createdAt };
    if (m.article && ARTICLE_ID.test(m.article.id)) entry.articleId = m.article.id;
    entries.push(entry);
  }
  return entries.slice(-LIMITS.transcriptMessages);
}

/** A subject for the agent's queue: the visitor's first question. */
export function subjectOf(messages: ChatMessage[]): string | undefined {
  const first = messages.find((m) => m.author === 'visitor' && m.text.trim());
  return first ? first.text.trim().slice(0, LIMITS.subject) : undefined;
}

/** The context taken at handoff: where the user is now, plus the diagnostics report they ran. */
export function handoffContext(ctx: CoreContext): ContextSnapshot {
  const snapshot = ctx.ports.context.snapshot();
  const report = ctx.store.getState().diagnostics.report;
  return report ? { ...snapshot, diagnostics: report } : snapshot;
}
