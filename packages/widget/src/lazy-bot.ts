// Loaded on the first question: the KB index and its bundle stay out of the launcher's path.
import { fetchKbBundle, kbBotProvider } from '@helpdock/adapters';
import type { BotProvider } from '@helpdock/core';

export function createBot(options: { serverUrl: string; appId: string; locale: () => string }): BotProvider {
  return kbBotProvider({ load: fetchKbBundle(options), locale: options.locale });
}
