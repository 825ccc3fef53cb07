import {
  forgetVisitor,
  localStorageStorage,
  randomId,
  remoteHelpProvider,
  remoteStatusProvider,
  systemClock,
  type ConsoleContextOptions,
  tabSync,
  type HostFacts,
} from '@helpdock/adapters';
import { deferredContextSource } from './deferred-context.ts';
import { createHelpdockCore, type BotProvider, type HelpdockCore } from '@helpdock/core';
import { direction, loadStrings, resolveLocale } from '@helpdock/i18n';
import type { MountedLauncher } from '@helpdock/ui';
import type { ConfigUpdate, Theme } from './api.ts';
import type { StartConfig } from './config.ts';
import type { Emit } from './events.ts';
import type { StartedPanel } from './panel-stage.ts';
import { watchAttention } from './attention.ts';
import { watchCore } from './watch-core.ts';

/** A widget on the page: the launcher at once, the core right after it, the panel when first wanted. */
export interface Running {
  core: HelpdockCore;
  setLocale(locale: string): void;
  /** `Helpdock('setContext', {...})`. */
  setContext(facts: HostFacts): void;
  update(changes: ConfigUpdate): void;
  track(event: string, metadata?: Record<string, string | number | boolean>): void;
  /** What `track` recorded on this page, oldest first (at most 50). */
  tracked(): ReadonlyArray<{ event: string; metadata?: Record<string, string | number | boolean>; at: string }>;
  /** Forgets this visitor on this device: conversation and session (sign-out). */
  forget(): void;
  /** The same verified user with a fresh token from the host's backend. */
  setIdentityToken(token: string): void;
  /** Removes every node, listener, timer and socket this widget made. */
  destroy(): void;
}

const TRACKED_MAX = 50;

export interface CoreStageOptions {
  config: StartConfig;
  emit: Emit;
  /** Painted already, in English, themed; the core attaches to it here. */
  launcher: MountedLauncher;
  /** Gives the launcher's hover, focus or click what to do now that there is a core: load the panel. */
  onIntent(load: () => void): void;
}

/**
 * Everything behind the launcher, in its own chunk that loads as soon as the
 * launcher shows: the core and its store, context, attention and tab sync, the
 * page's language. The panel (Preact, i18next), the bot and the socket load on
 * demand, so none of them is on the host page's critical path.
 */
export function startCore({ config, emit, launcher, onIntent }: CoreStageOptions): Running {
  const { appId, serverUrl } = config;
  let overrides = config.strings;
  let identity = config.identity ? { ...config.identity } : null;
  // Each verified user keeps their conversation apart from everyone else's on this device.
  const scope = identity ? `user:${identity.userId}:` : '';
  const storage = localStorageStorage(`helpdock:${scope}`);
  const context = deferredContextSource({ ...(config.context as ConsoleContextOptions | undefined), serverOrigin: new URL(serverUrl).origin });
  let locale = resolveLocale(config.locale ?? context.snapshot().locale);

  let destroyed = false;
  let bot: Promise<BotProvider> | null = null;
  const loadBot = () => {
    bot ??= import('./lazy-bot.ts').then((m) => m.createBot({ serverUrl, appId, locale: () => locale, botUrl: config.botUrl, alwaysHuman: config.alwaysHuman }));
    bot.catch(() => (bot = null));
    return bot;
  };

  const core = createHelpdockCore({
    appId,
    storage,
    session: localStorageStorage(`helpdock:${appId}:${scope}`, 'sessionStorage'),
    nudges: config.nudges !== false,
    redact: context.redact,
    clock: systemClock(),
    newId: randomId,
    ports: {
      context,
      bot: {
        reply: async (text, ctx, history, pick) => (await loadBot()).reply(text, ctx, history, pick),
        // A shutdown while the bot's code was loading: fetch nothing more for a widget that is gone.
        prepare: async (ctx) => {
          const loaded = await loadBot();
          if (!destroyed) await loaded.prepare?.(ctx);
        },
        planHandoff: async (conversation, ctx) => {
          const b = await loadBot();
          if (!b.planHandoff) throw new Error('this bot does not classify');
          return b.planHandoff(conversation, ctx);
        },
      },
      help: remoteHelpProvider({ serverUrl, appId, locale: () => locale }),
      status: remoteStatusProvider({ serverUrl, appId }),
      agent: () => import('./lazy-agent.ts').then((m) => m.createAgentChannel({ serverUrl, appId, storage, identity: () => identity })),
    },
  });
  let panel: Promise<StartedPanel | null> | null = null;
  const loadPanel = () => {
    // The bot's code is wanted as soon as the chat opens: fetch it alongside the panel's (the script tag's build puts it in the panel's file).
    void import('./lazy-bot.ts').catch(() => undefined);
    if (panel || destroyed) return;
    const loading = import('./panel-stage.ts')
      .then((m) => m.startPanel({ core, locale, overrides, launcher }))
      .then((p) => {
        if (!destroyed) return p;
        p.unmount();
        return null;
      });
    // A failed chunk load (offline, a deploy in between) is retried on the next intent.
    loading.catch(() => (panel = null));
    panel = loading;
  };

  onIntent(loadPanel);
  // The chat restored open asks for the panel as the launcher takes the core.
  launcher.attach(core);
  const stopEvents = watchCore(core.store, emit, (count) => launcher.setUnread(count));
  // On the way to a person (intake questions, the review before sending): fetch socket.io while they read.
  const stopPrefetch = core.store.subscribe((s) => {
    if (!s.intake && !s.reviewingHandoff) return;
    stopPrefetch();
    void import('./lazy-agent.ts').catch(() => undefined);
  });

  // Late results lose: a slower, earlier theme must not undo a newer one.
  let themeAttempt = 0;
  const applyTheme = (theme: Theme) => {
    const mine = ++themeAttempt;
    import('./theme-stage.ts').then(
      (m) => mine === themeAttempt && !destroyed && m.applyTheme(launcher, theme),
      () => console.warn('[helpdock] theme: could not load the theme code'),
    );
  };
  // Late results lose: a slower, earlier locale switch must not undo a newer one.
  let localeAttempt = 0;
  const switchLocale = (requested: string) => {
    const mine = ++localeAttempt;
    const next = resolveLocale(requested);
    const relabel = loadStrings(next, 'widget', overrides).then((s) => {
      if (mine !== localeAttempt || destroyed) return;
      locale = next;
      launcher.retranslate(s.t, next, direction(next));
    });
    const repanel = panel?.then((p) => p && mine === localeAttempt && p.setLocale(next, overrides));
    Promise.all([relabel, repanel]).catch(() => console.warn(`[helpdock] setLocale: could not load "${requested}"`));
  };

  if (locale !== 'en') switchLocale(locale);

  const tracked: Array<{ event: string; metadata?: Record<string, string | number | boolean>; at: string }> = [];
  const tabs = tabSync(appId);
  const stopAttention = watchAttention({ core, tabs, titleUnread: config.titleUnread !== false, sound: config.sound === true, doc: document });

  return {
    core,
    setLocale: switchLocale,
    setContext: (facts) => context.set(facts),
    update(changes) {
      if (changes.strings) overrides = { ...overrides, ...changes.strings };
      if (changes.locale || changes.strings) switchLocale(changes.locale ?? locale);
      if (changes.theme) applyTheme(changes.theme);
    },
    track(event, metadata) {
      tracked.push(metadata ? { event, metadata: { ...metadata }, at: new Date().toISOString() } : { event, at: new Date().toISOString() });
      if (tracked.length > TRACKED_MAX) tracked.shift();
    },
    tracked: () => tracked,
    forget() {
      core.reset();
      forgetVisitor(storage, appId);
    },
    setIdentityToken(token) {
      if (identity) identity = { ...identity, token };
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      stopEvents();
      stopPrefetch();
      void panel?.then((p) => p?.unmount());
      launcher.unmount();
      stopAttention();
      tabs.close();
      core.destroy();
      context.dispose();
    },
  };
}
