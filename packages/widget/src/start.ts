import {
  consoleContextSource,
  forgetVisitor,
  localStorageStorage,
  randomId,
  remoteHelpProvider,
  remoteStatusProvider,
  systemClock,
  tabSync,
  type HostFacts,
} from '@helpdock/adapters';
import { createHelpdockCore, type BotProvider, type HelpdockCore } from '@helpdock/core';
import { changeLocale, createI18n, resolveLocale, type I18n } from '@helpdock/i18n';
import { mountUi } from '@helpdock/ui';
import { watchAttention } from './attention.ts';
import type { HelpdockConfig } from './config.ts';

/** A widget on the page: core, strings and UI. */
export interface Running {
  core: HelpdockCore;
  i18n: I18n;
  setLocale(locale: string): void;
  /** `Helpdock('setContext', {...})`. */
  setContext(facts: HostFacts): void;
  /** Forgets this visitor on this device: conversation and session (sign-out). */
  forget(): void;
  destroy(): void;
}

function isShipped(requested: string): boolean {
  const resolved = resolveLocale(requested);
  return resolved !== 'en' || /^en\b/i.test(requested);
}

/** Builds everything for one config. The launcher needs only this; the panel, bot and socket load on demand. */
export async function startWidget(config: HelpdockConfig): Promise<Running> {
  const { appId, serverUrl } = config;
  const storage = localStorageStorage('helpdock:');
  const context = consoleContextSource({ ...config.context, serverOrigin: new URL(serverUrl).origin });
  let locale = resolveLocale(config.locale ?? context.snapshot().locale);
  const strings = createI18n({ ns: 'widget', locale, overrides: config.strings });

  let bot: Promise<BotProvider> | null = null;
  const loadBot = () => {
    bot ??= import('./lazy-bot.ts').then((m) => m.createBot({ serverUrl, appId, locale: () => locale }));
    bot.catch(() => (bot = null));
    return bot;
  };

  const core = createHelpdockCore({
    appId,
    storage,
    session: localStorageStorage(`helpdock:${appId}:`, 'sessionStorage'),
    nudges: config.nudges !== false,
    redact: context.redact,
    clock: systemClock(),
    newId: randomId,
    ports: {
      context,
      bot: {
        reply: async (text, ctx) => (await loadBot()).reply(text, ctx),
        prepare: async (ctx) => (await loadBot()).prepare?.(ctx),
      },
      help: remoteHelpProvider({ serverUrl, appId, locale: () => locale }),
      status: remoteStatusProvider({ serverUrl, appId }),
      agent: () => import('./lazy-agent.ts').then((m) => m.createAgentChannel({ serverUrl, appId, storage })),
    },
  });
  let i18n: I18n;
  try {
    i18n = await strings;
  } catch (err) {
    core.destroy();
    throw err;
  }
  const ui = mountUi({ core, i18n });
  const tabs = tabSync(appId);
  const stopAttention = watchAttention({ core, tabs, titleUnread: config.titleUnread !== false, sound: config.sound === true, doc: document });

  return {
    core,
    i18n,
    setLocale(requested) {
      if (typeof requested !== 'string' || !isShipped(requested)) {
        console.warn(`[helpdock] setLocale: unknown locale ${JSON.stringify(requested)}`);
        return;
      }
      changeLocale(i18n, requested, config.strings).then(
        (next) => void (locale = next),
        () => console.warn(`[helpdock] setLocale: could not load "${requested}"`),
      );
    },
    setContext: (facts) => context.set(facts),
    forget() {
      core.reset();
      forgetVisitor(storage, appId);
    },
    destroy() {
      stopAttention();
      tabs.close();
      ui.unmount();
      core.destroy();
    },
  };
}
