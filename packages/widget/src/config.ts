import type { ConfigInput, HelpdockConfig } from './api.ts';

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
  const botUrl = typeof input?.botUrl === 'string' && /^https?:\/\//.test(input.botUrl) ? input.botUrl : undefined;
  if (input?.botUrl !== undefined && !botUrl) console.warn(`[helpdock] boot: botUrl ${JSON.stringify(input.botUrl)} must be an http(s) URL; using the built-in bot`);
  const alwaysHuman = Array.isArray(input?.alwaysHuman) ? input.alwaysHuman.filter((c): c is string => typeof c === 'string') : undefined;
  return {
    appId,
    serverUrl: serverUrl.replace(/\/+$/, ''),
    locale: input?.locale,
    strings: input?.strings,
    theme: input?.theme,
    context,
    nudges: input?.nudges,
    titleUnread: input?.titleUnread,
    sound: input?.sound,
    botUrl,
    alwaysHuman,
  };
}
