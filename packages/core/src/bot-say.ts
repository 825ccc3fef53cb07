import { isoNow, type CoreContext } from './context.ts';
import type { ChatMessage, I18nText } from './state.ts';

/** A new bot turn saying `fields`. */
export function botTurn(ctx: CoreContext, fields: Omit<ChatMessage, 'id' | 'clientId' | 'author' | 'createdAt'>): ChatMessage {
  const id = ctx.newId();
  return { id, clientId: id, author: 'bot', createdAt: isoNow(ctx.clock), ...fields };
}

/** A bot line in our own words (translated at render), optionally with buttons. */
export function botLine(ctx: CoreContext, i18n: I18nText, extra: Partial<ChatMessage> = {}): ChatMessage {
  return botTurn(ctx, { text: '', i18n, ...extra });
}

export function say(ctx: CoreContext, i18n: I18nText, extra: Partial<ChatMessage> = {}): void {
  ctx.store.setState((s) => ({ messages: s.messages.concat(botLine(ctx, i18n, extra)) }));
}

/** Replaces one message (by id) with an updated copy; other messages keep their identity. */
export function updateMessage(ctx: CoreContext, id: string, update: (m: ChatMessage) => ChatMessage): void {
  ctx.store.setState((s) => ({ messages: s.messages.map((m) => (m.id === id ? update(m) : m)) }));
}
