import type { BotPick, BotReply, BotTurn, QuickReply } from './ports.ts';
import { isoNow, type CoreContext } from './context.ts';
import { botLine, botTurn, say, updateMessage } from './bot-say.ts';
import type { ChatMessage, CoreError } from './state.ts';
import { isStatusQuestion } from './status.ts';

/** Unhelpful answers ("no" to "Did that solve it?", "I don't know") before the bot hands over. */
export const UNHELPFUL_LIMIT = 2;

/** Why the bot hands the visitor to a person. */
export type HandOverReason = 'asked' | 'category' | 'unhelpful';

// "Talk to a human" stays below the conversation at all times, so it is not repeated among the follow-ups.
const followUps = (replies: QuickReply[] = []): QuickReply[] | undefined => (replies.length ? replies.slice(0, 4) : undefined);

function botMessage(ctx: CoreContext, reply: Exclude<BotReply, { kind: 'handoff' }>): ChatMessage {
  const quickReplies = followUps(reply.quickReplies);
  const extras = { ...(quickReplies ? { quickReplies } : {}), ...(reply.kind !== 'unknown' && reply.fallbackLocale ? { fallbackLocale: reply.fallbackLocale } : {}) };
  switch (reply.kind) {
    case 'answer':
      return botTurn(ctx, {
        ...extras,
        text: reply.text,
        article: reply.article,
        feedback: 'asked',
        ...(reply.action ? { action: { ...reply.action, status: 'offered' as const } } : {}),
      });
    case 'suggestions':
      return botLine(ctx, { key: 'bot.suggestions' }, { ...extras, suggestions: reply.articles });
    case 'unknown':
      return botLine(ctx, { key: 'bot.unknown' }, extras);
  }
}

/** A provider may say why it failed (`{ code: 'unknown_app' }`); the UI words it. */
function botFailure(err: unknown): CoreError {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? { kind: 'bot_failed', reason: code } : { kind: 'bot_failed' };
}

/**
 * Runs bot turns. Only the newest question's answer is shown: a slow answer to
 * an older one loses. `handOver` starts the way to a person (intake, then the
 * ticket) when the visitor asks for one, the topic needs one, or answers keep
 * missing.
 */
export function createBotTurns(ctx: CoreContext, handOver: (reason: HandOverReason) => void) {
  let attempt = 0;
  const { store } = ctx;

  function countUnhelpful(): boolean {
    store.setState((s) => ({ unhelpful: s.unhelpful + 1 }));
    return store.getState().unhelpful >= UNHELPFUL_LIMIT;
  }

  // Earlier bot-era turns in plain words, for bots that read the conversation (a remote one).
  function history(): BotTurn[] {
    const turns: BotTurn[] = [];
    for (const m of store.getState().messages) {
      if (m.seq !== undefined || (m.author !== 'visitor' && m.author !== 'bot')) continue;
      const text = m.article ? m.article.title : m.suggestions ? m.suggestions.map((a) => a.title).join('; ') : m.text;
      if (!text) continue;
      turns.push(m.article ? { author: 'bot', text, articleId: m.article.id } : { author: m.author, text });
    }
    return turns.slice(-20);
  }

  async function ask(text: string, pick?: BotPick): Promise<void> {
    const mine = ++attempt;
    const before = history();
    const clientId = ctx.newId();
    const visitor: ChatMessage = { id: clientId, clientId, author: 'visitor', text, createdAt: isoNow(ctx.clock) };
    store.setState((s) => ({
      phase: 'bot',
      messages: s.messages.concat(visitor),
      botPending: true,
      error: s.error?.kind === 'bot_failed' ? null : s.error,
    }));
    // "Is it down?" while a matching incident is known: the status page answers, not the KB.
    const incident = isStatusQuestion(text) ? store.getState().incidents[0] : undefined;
    if (incident) {
      const params = { title: incident.title, since: incident.startedAt, message: incident.message ?? '' };
      const answer = botLine(ctx, { key: incident.message ? 'bot.incident' : 'bot.incident_short', params }, {
        // Agents read the transcript in plain words.
        text: `Known incident (${incident.severity}) since ${incident.startedAt}: ${incident.title}${incident.message ? ` — ${incident.message}` : ''}`,
      });
      store.setState((s) => ({ messages: s.messages.concat(answer), botPending: false }));
      return;
    }
    let reply: BotReply;
    try {
      reply = await (pick ? ctx.ports.bot.reply(text, store.getState().context, before, pick) : ctx.ports.bot.reply(text, store.getState().context, before));
    } catch (err) {
      if (mine === attempt && !ctx.isDestroyed()) store.setState({ botPending: false, error: botFailure(err) });
      return;
    }
    // A newer question, a handoff or a teardown happened meanwhile: this answer is no longer wanted.
    if (mine !== attempt || ctx.isDestroyed() || store.getState().phase !== 'bot') return;
    if (reply?.kind === 'handoff') {
      store.setState({ botPending: false });
      say(ctx, { key: reply.reason === 'asked' ? 'bot.handoff_asked' : 'bot.handoff_category' });
      handOver(reply.reason);
      return;
    }
    if (!reply || (reply.kind !== 'answer' && reply.kind !== 'suggestions' && reply.kind !== 'unknown')) reply = { kind: 'unknown' };
    store.setState((s) => ({ messages: s.messages.concat(botMessage(ctx, reply as Exclude<BotReply, { kind: 'handoff' }>)), botPending: false }));
    if (reply.kind === 'unknown' && countUnhelpful()) {
      say(ctx, { key: 'bot.handoff_unhelpful' });
      handOver('unhelpful');
    }
  }

  /**
   * The visitor's answer to "Did that solve it?". Yes: thanks. No: counts as
   * unhelpful and offers the next step (related questions, a person); the
   * second unhelpful answer hands over.
   */
  function feedback(messageId: string, solved: boolean): void {
    const asked = store.getState().messages.find((m) => m.id === messageId);
    if (!asked || asked.feedback !== 'asked' || store.getState().phase !== 'bot') return;
    updateMessage(ctx, messageId, (m) => ({ ...m, feedback: solved ? 'yes' : 'no' }));
    if (solved) {
      say(ctx, { key: 'bot.glad' });
      return;
    }
    if (countUnhelpful()) {
      say(ctx, { key: 'bot.handoff_unhelpful' });
      handOver('unhelpful');
      return;
    }
    const next = followUps((asked.quickReplies ?? []).filter((r) => r.kind === 'ask'));
    store.setState((s) => ({ messages: s.messages.concat(botLine(ctx, { key: 'bot.sorry' }, next ? { quickReplies: next } : {})) }));
  }

  /** Drops any answer still on its way (handoff, reset). */
  function cancel(): void {
    attempt++;
    store.setState({ botPending: false });
  }

  return { ask, feedback, cancel };
}
