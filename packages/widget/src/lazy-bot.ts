// Loaded on the first question: the KB index, its bundle and the bot's phrase lists stay out of the launcher's path.
import { fetchKbBundle, kbBotProvider, remoteBotProvider } from '@helpdock/adapters';
import type { BotProvider } from '@helpdock/core';

export interface BotOptions {
  serverUrl: string;
  appId: string;
  locale: () => string;
  botUrl?: string | undefined;
  alwaysHuman?: readonly string[] | undefined;
}

export function createBot(options: BotOptions): BotProvider {
  const local = kbBotProvider({ load: fetchKbBundle(options), locale: options.locale, ...(options.alwaysHuman ? { alwaysHuman: options.alwaysHuman } : {}) });
  if (!options.botUrl) return local;
  return remoteBotProvider({
    url: options.botUrl,
    fallback: local,
    locale: options.locale,
    onFallback: (reason) => console.warn(`[helpdock] bot endpoint: ${reason}; answered by the built-in bot`),
  });
}
