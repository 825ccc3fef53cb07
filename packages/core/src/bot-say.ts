import { isoNow, type CoreContext } from './context.ts';
import type { ChatMessage, I18nText } from './state.ts';

/** A bot line in our own words (translated at render), optionally with buttons. */
export function botLine(ctx: CoreContext, i18n: I18nText, extra: Partial<ChatMessage> = {}): ChatMessage {
  const id = ctx.newId();
  return { id, clientId: id, author: 'bot', text: '', i18n, createdAt: isoNow(ctx.clock), ...extra };
}

export function say(ctx: CoreContext, i18n: I18nText, extra: Partial<ChatMessage> = {}): void {
  ctx.store.setState((s) => ({ messages: s.messages.concat(botLine(ctx, i18n, extra)) }));
}

/** Replaces one message (by id) with an updated copy; other messages keep their identity. */
export function updateMessage(ctx: CoreContext, id: string, update: (m: ChatMessage) => ChatMessage): ChatMessage | null {
  let found: ChatMessage | null = null;
  ctx.store.setState((s) => ({
    messages: s.messages.map((m) => {
      if (m.id !== id) return m;
      found = update(m);
      return found;
    }),
  }));
  return found;
}
