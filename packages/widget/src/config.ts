import type { ConsoleContextOptions } from '@helpdock/adapters';

/** What a host configures. Script-tag hosts set these as `data-*` attributes or through `Helpdock('boot', {...})`. */
export interface HelpdockConfig {
  /** The app on the Helpdock server, e.g. `demo`. */
  appId: string;
  /** Origin of the Helpdock server, e.g. `https://help.example.com`. Script tag: defaults to the loader's own origin. */
  serverUrl: string;
  /** UI and knowledge-base language. @default the page's `<html lang>`, then the browser's */
  locale?: string | undefined;
  /** Per-locale string overrides, e.g. `{ en: { 'launcher.open': 'Help' } }`. */
  strings?: Record<string, Record<string, string>> | undefined;
  /**
   * How the widget reads the console: URL rules, DOM signals, error banners,
   * opt-in failure capture, extra redaction patterns. See docs/context.md.
   */
  context?: ConsoleContextOptions | undefined;
  /** The launcher's nudge when a new error code appears on the page. @default true */
  nudges?: boolean | undefined;
  /** Prefix the page title with the number of unread replies, e.g. "(2) Instances". @default true */
  titleUnread?: boolean | undefined;
  /** A short tone when an agent's reply arrives unseen (one tab rings). @default false */
  sound?: boolean | undefined;
}

/** Config as hosts hand it over: any field may be missing. */
export type ConfigInput = { [K in keyof HelpdockConfig]?: HelpdockConfig[K] | undefined };

/** Later sources win, but only with values they actually set. */
export function mergeConfig(...inputs: Array<ConfigInput | undefined>): ConfigInput {
  const merged: Record<string, unknown> = {};
  for (const input of inputs) {
    if (!input || typeof input !== 'object') continue;
    for (const [k, v] of Object.entries(input)) if (v !== undefined && v !== '') merged[k] = v;
  }
  return merged as ConfigInput;
}

const APP_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** Checks a host's config; a problem is one prefixed warning and no widget, never an exception. */
export function checkConfig(input: ConfigInput | undefined): HelpdockConfig | null {
  const appId = input?.appId;
  if (typeof appId !== 'string' || !APP_ID.test(appId)) {
    console.warn(`[helpdock] boot: appId ${JSON.stringify(appId)} is missing or malformed`);
    return null;
  }
  const serverUrl = input?.serverUrl;
  if (typeof serverUrl !== 'string' || !/^https?:\/\//.test(serverUrl)) {
    console.warn(`[helpdock] boot: serverUrl ${JSON.stringify(serverUrl)} must be an http(s) URL`);
    return null;
  }
  let context = input?.context;
  if (context !== undefined && (typeof context !== 'object' || context === null || Array.isArray(context))) {
    console.warn('[helpdock] boot: context must be an object of options; detecting with the defaults');
    context = undefined;
  }
  return {
    appId,
    serverUrl: serverUrl.replace(/\/+$/, ''),
    locale: input?.locale,
    strings: input?.strings,
    context,
    nudges: input?.nudges,
    titleUnread: input?.titleUnread,
    sound: input?.sound,
  };
}
