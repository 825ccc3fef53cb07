// Loaded on the first question: the client of the server's FAQ bot (the KB, its index and the
// "talk to a human" phrase lists stay on the server), and the host's own bot endpoint when set.
import { serverBotProvider } from '@helpdock/adapters';
import type { BotProvider } from '@helpdock/core';

export interface BotOptions {
  serverUrl: string;
  appId: string;
  locale: () => string;
  botUrl?: string | undefined;
  alwaysHuman?: readonly string[] | undefined;
}

export async function createBot(options: BotOptions): Promise<BotProvider> {
  const server = serverBotProvider({ serverUrl: options.serverUrl, appId: options.appId, locale: options.locale, ...(options.alwaysHuman ? { alwaysHuman: options.alwaysHuman } : {}) });
  if (!options.botUrl) return server;
  const { remoteBotProvider } = await import('./lazy-remote-bot.ts');
  return remoteBotProvider({
    url: options.botUrl,
    fallback: server,
    locale: options.locale,
    onFallback: (reason) => console.warn(`[helpdock] bot endpoint: ${reason}; answered by the built-in bot`),
  });
}
