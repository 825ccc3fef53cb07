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

/** A signed-in user of the host and the token its backend computed for them (see docs/identity.md). */
export interface IdentityInput {
  userId: string;
  token: string;
}

/** What the widget starts with: the host's config, and the verified user `identify` set (never an attribute). */
export type StartConfig = HelpdockConfig & { identity?: IdentityInput | undefined };

const MAX_USER_ID = 256;
const MAX_TOKEN = 4096;

/**
 * Checks `identify(user, { token })`: `null` means anonymous; a problem is one
 * prefixed warning and `undefined` (nothing changes).
 */
export function checkIdentity(user: unknown, options: unknown): IdentityInput | null | undefined {
  if (user === null || user === undefined) return null;
  const id = typeof user === 'object' ? (user as { id?: unknown }).id : undefined;
  const userId = typeof id === 'number' ? String(id) : id;
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > MAX_USER_ID) {
    console.warn(`[helpdock] identify: user.id must be a non-empty string of at most ${MAX_USER_ID} characters`);
    return undefined;
  }
  const token = typeof options === 'object' && options !== null ? (options as { token?: unknown }).token : undefined;
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN) {
    console.warn('[helpdock] identify: options.token must be the JWT or user hash your backend computed for this user');
    return undefined;
  }
  return { userId, token };
}
