/*
 * Intercom's `Intercom(command, ...args)` on top of Helpdock, so a console
 * written against Intercom's snippet switches without rewriting its calls.
 * What is covered, and how, is in docs/migration.md.
 */
import type { HostFacts, Theme } from '../api.ts';
import { createHub, createWarner, globalDispatch, guarded, isFlat, isObject, toDispatch, type Dispatch, type Flat, type ShimTarget } from './shared.ts';

/** `window.intercomSettings`, or the object given to `boot` / `update`. Any other key with a flat value is a custom attribute. */
export interface IntercomSettings {
  /** Ignored: the Helpdock app comes from the script tag's `data-app-id` or `createHelpdock`. */
  app_id?: string;
  user_id?: string | number;
  /** The HMAC of `user_id` your backend computes (with the Helpdock app's identity secret): with `user_id`, `identify`. */
  user_hash?: string;
  email?: string;
  name?: string;
  company?: { company_id?: string | number; id?: string | number; name?: string; plan?: string; [attribute: string]: unknown };
  language_override?: string;
  alignment?: 'left' | 'right';
  horizontal_padding?: number;
  vertical_padding?: number;
  action_color?: string;
  background_color?: string;
  [attribute: string]: unknown;
}

/** `window.Intercom`. */
export type IntercomFn = (command: string, ...args: unknown[]) => unknown;

// Keys with a meaning of their own in Intercom that are read below or deliberately dropped (never custom attributes).
const SILENT = new Set(['app_id', 'api_base', 'created_at', 'user_hash', 'widget', 'session_duration']);
// Intercom settings Helpdock has no equivalent for: a warning, not a custom attribute.
const UNSUPPORTED = new Set(['hide_default_launcher', 'custom_launcher_selector', 'z_index']);
const HANDLED = new Set(['user_id', 'email', 'name', 'company', 'language_override', 'alignment', 'horizontal_padding', 'vertical_padding', 'action_color', 'background_color']);

/** The `Intercom` function, acting on `target` (an npm instance, or the script tag's dispatcher). */
export function createIntercom(target: ShimTarget): IntercomFn {
  const dispatch: Dispatch = toDispatch(target);
  const hub = createHub(dispatch);
  const warn = createWarner('Intercom');
  let identified = false;

  const apply = (settings: unknown, command: string) => {
    if (settings === undefined) return;
    if (!isObject(settings)) return warn(`${command}:shape`, `Intercom('${command}', settings) expects an object`);
    const { user_id: userId, user_hash: userHash, company, language_override: locale } = settings;
    if (userId !== undefined && userId !== null && userId !== '') {
      if (typeof userHash === 'string' && userHash) {
        dispatch('identify', { id: String(userId) }, { token: userHash });
        identified = true;
      } else {
        warn('user_hash', 'user_id without user_hash stays anonymous: Helpdock verifies users with the HMAC your backend computes (docs/identity.md)');
      }
    }
    if (typeof locale === 'string') dispatch('setLocale', locale);

    const theme: Theme = {};
    if (settings['alignment'] === 'left' || settings['alignment'] === 'right') theme.position = `bottom-${settings['alignment']}`;
    if (typeof settings['horizontal_padding'] === 'number') theme.offsetX = settings['horizontal_padding'];
    if (typeof settings['vertical_padding'] === 'number') theme.offsetY = settings['vertical_padding'];
    if (typeof settings['action_color'] === 'string') theme.accent = settings['action_color'];
    if (typeof settings['background_color'] === 'string') theme.brand = settings['background_color'];
    if (Object.keys(theme).length) dispatch('update', { theme });

    const facts: HostFacts = {};
    const custom: Record<string, Flat> = {};
    if (typeof settings['name'] === 'string') custom['name'] = settings['name'];
    if (typeof settings['email'] === 'string') custom['email'] = settings['email'];
    if (isObject(company)) {
      const id = company['company_id'] ?? company['id'];
      if (typeof id === 'string' || typeof id === 'number') facts.accountId = String(id);
      if (typeof company['plan'] === 'string') facts.plan = company['plan'];
      if (typeof company['name'] === 'string') custom['company'] = company['name'];
    }
    for (const [key, value] of Object.entries(settings)) {
      if (SILENT.has(key) || HANDLED.has(key)) continue;
      if (UNSUPPORTED.has(key)) warn(`setting:${key}`, `the setting "${key}" is not covered and was ignored`);
      else if (isFlat(value)) custom[key] = value;
      else warn(`attr:${key}`, `the attribute "${key}" is not a string, number, boolean or null and was dropped`);
    }
    if (Object.keys(custom).length) facts.custom = custom;
    if (Object.keys(facts).length) dispatch('setContext', facts);
  };

  const commands: Record<string, (...args: unknown[]) => unknown> = {
    boot(settings) {
      dispatch('boot');
      apply(settings, 'boot');
    },
    update: (settings) => apply(settings, 'update'),
    shutdown() {
      dispatch('shutdown');
      // Intercom's shutdown is the sign-out: the next boot is anonymous unless it names a user again.
      if (identified) dispatch('identify', null);
      identified = false;
    },
    show: () => dispatch('open'),
    showMessages: () => dispatch('open'),
    hide: () => dispatch('close'),
    showNewMessage: (text) => dispatch('showNewMessage', ...(typeof text === 'string' ? [text] : [])),
    showArticle: (id) => dispatch('showArticle', String(id)),
    trackEvent(name, metadata) {
      const flat: Record<string, string | number | boolean> = {};
      if (isObject(metadata)) for (const [k, v] of Object.entries(metadata)) if (v !== null && isFlat(v)) flat[k] = v;
      dispatch('track', String(name), ...(Object.keys(flat).length ? [flat] : []));
    },
    onShow: (cb) => listen('onShow', cb, (f) => hub.on('open', () => f())),
    onHide: (cb) => listen('onHide', cb, (f) => hub.on('close', () => f())),
    onUnreadCountChange: (cb) => listen('onUnreadCountChange', cb, (f) => hub.on('unread', ({ count }) => f(count))),
    // Intercom's own snippet calls this when it runs twice; there is nothing to re-attach.
    reattach_activator: () => undefined,
  };

  function listen(name: string, cb: unknown, on: (f: (...a: unknown[]) => void) => unknown) {
    if (typeof cb !== 'function') return warn(`${name}:fn`, `Intercom('${name}', callback) expects a function`);
    on((...a) => {
      try {
        (cb as (...x: unknown[]) => void)(...a);
      } catch (err) {
        console.warn(`[helpdock] Intercom shim: an ${name} callback threw:`, err);
      }
    });
  }

  return guarded(warn, (command: string, ...args: unknown[]) => {
    const run = typeof command === 'string' && Object.hasOwn(commands, command) ? commands[command] : undefined;
    if (!run) return warn(`cmd:${String(command)}`, `Intercom('${String(command)}') is not covered and was ignored`);
    return run(...args);
  });
}

type IntercomStub = ((...args: never[]) => unknown) & { q?: ArrayLike<unknown>[] };
type IntercomWindow = Window & { Intercom?: IntercomStub; intercomSettings?: unknown };

/**
 * The script tag's shim: replaces Intercom's queue stub with the shim, boots
 * with `window.intercomSettings` as Intercom would (unless a queued call
 * boots), then replays the calls the page queued, in order.
 */
export function installIntercom(win: Window): IntercomFn {
  const w = win as IntercomWindow;
  const queue = Array.isArray(w.Intercom?.q) ? w.Intercom.q : [];
  const intercom = createIntercom(globalDispatch(w as Window));
  w.Intercom = intercom;
  const calls = queue.map((args) => Array.from(args));
  if (isObject(w.intercomSettings) && !calls.some((c) => c[0] === 'boot')) intercom('boot', w.intercomSettings);
  for (const [command, ...args] of calls) intercom(command as string, ...args);
  return intercom;
}
