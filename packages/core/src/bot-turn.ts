import type { BotReply } from './ports.ts';
import { isoNow, type CoreContext } from './context.ts';
import type { ChatMessage, CoreError } from './state.ts';
import { isStatusQuestion } from './status.ts';

function botMessage(ctx: CoreContext, reply: BotReply): ChatMessage {
  const id = ctx.newId();
  const base = { id, clientId: id, author: 'bot' as const, createdAt: isoNow(ctx.clock) };
  const fallback = reply.kind !== 'unknown' && reply.fallbackLocale ? { fallbackLocale: reply.fallbackLocale } : {};
  switch (reply.kind) {
    case 'answer':
      return { ...base, ...fallback, text: reply.text, article: reply.article };
    case 'suggestions':
      return { ...base, ...fallback, text: '', i18n: { key: 'bot.suggestions' }, suggestions: reply.articles };
    case 'unknown':
      return { ...base, text: '', i18n: { key: 'bot.unknown' } };
  }
}

/** A provider may say why it failed (`{ code: 'unknown_app' }`); the UI words it. */
function botFailure(err: unknown): CoreError {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? { kind: 'bot_failed', reason: code } : { kind: 'bot_failed' };
}

/** Runs bot turns. Only the newest question's answer is shown: a slow answer to an older one loses. */
export function createBotTurns(ctx: CoreContext) {
  let attempt = 0;

  async function ask(text: string): Promise<void> {
    const mine = ++attempt;
    const { store } = ctx;
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
      const id = ctx.newId();
      const params = { title: incident.title, since: incident.startedAt, message: incident.message ?? '' };
      const answer: ChatMessage = {
        id,
        clientId: id,
        author: 'bot',
        createdAt: isoNow(ctx.clock),
        // Agents read the transcript in plain words.
        text: `Known incident (${incident.severity}) since ${incident.startedAt}: ${incident.title}${incident.message ? ` — ${incident.message}` : ''}`,
        i18n: { key: incident.message ? 'bot.incident' : 'bot.incident_short', params },
      };
      store.setState((s) => ({ messages: s.messages.concat(answer), botPending: false }));
      return;
    }
    let reply: BotReply;
    try {
      reply = await ctx.ports.bot.reply(text, store.getState().context);
    } catch (err) {
      if (mine === attempt && !ctx.isDestroyed()) store.setState({ botPending: false, error: botFailure(err) });
      return;
    }
    // A newer question, a handoff or a teardown happened meanwhile: this answer is no longer wanted.
    if (mine !== attempt || ctx.isDestroyed() || store.getState().phase !== 'bot') return;
    store.setState((s) => ({ messages: s.messages.concat(botMessage(ctx, reply)), botPending: false }));
  }

  /** Drops any answer still on its way (handoff, reset). */
  function cancel(): void {
    attempt++;
    ctx.store.setState({ botPending: false });
  }

  return { ask, cancel };
}
