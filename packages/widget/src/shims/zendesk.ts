/*
 * Zendesk messaging's `zE('messenger', …)` on top of Helpdock. What is
 * covered, and how, is in docs/migration.md.
 */
import { createHub, createWarner, globalDispatch, guarded, isFlat, isObject, toDispatch, type Flat, type ShimTarget } from './shared.ts';

/** `window.zE`. */
export type ZendeskFn = (namespace: unknown, command?: unknown, ...args: unknown[]) => unknown;

/** The user id in a token: the JWT's `sub` (what the Helpdock server checks), else Zendesk's `external_id`. */
function tokenSubject(jwt: string): string | null {
  try {
    const payload = jwt.split('.')[1];
    if (!payload) return null;
    const claims: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    const sub = isObject(claims) ? (claims['sub'] ?? claims['external_id']) : undefined;
    return typeof sub === 'string' && sub ? sub : typeof sub === 'number' ? String(sub) : null;
  } catch {
    return null;
  }
}

/** The `zE` function, acting on `target` (an npm instance, or the script tag's dispatcher). */
export function createZendesk(target: ShimTarget): ZendeskFn {
  const dispatch = toDispatch(target);
  const hub = createHub(dispatch);
  const warn = createWarner('Zendesk');
  const call = (cb: unknown, ...args: unknown[]) => {
    try {
      if (typeof cb === 'function') cb(...args);
    } catch (err) {
      console.warn('[helpdock] Zendesk shim: a callback threw:', err);
    }
  };

  const messenger: Record<string, (...args: unknown[]) => void> = {
    open: () => dispatch('open'),
    close: () => dispatch('close'),
    // The launcher is on the page while the widget runs; there is no hidden state to leave.
    show: () => undefined,
    hide() {
      dispatch('close');
      warn('hide', "zE('messenger', 'hide') closes the chat; the launcher itself stays on the page");
    },
    loginUser(jwtCallback, loginCallback) {
      if (typeof jwtCallback !== 'function') return warn('loginUser:fn', "zE('messenger', 'loginUser', callback): callback must be a function that is given a function to call with the token");
      call(jwtCallback, (jwt: unknown) => {
        const id = typeof jwt === 'string' ? tokenSubject(jwt) : null;
        if (!id) {
          warn('loginUser:token', 'loginUser: the token must be a JWT whose "sub" (or "external_id") is the user id, signed with the Helpdock app\'s identity secret (docs/identity.md)');
          return call(loginCallback, { type: 'invalid_token', reason: 'The token names no user' });
        }
        dispatch('identify', { id }, { token: jwt });
        call(loginCallback);
      });
    },
    logoutUser: () => dispatch('identify', null),
  };

  const on: Record<string, (cb: (...a: unknown[]) => void) => void> = {
    open: (cb) => hub.on('open', () => cb()),
    close: (cb) => hub.on('close', () => cb()),
    unreadMessages: (cb) => hub.on('unread', ({ count }) => cb(count)),
  };

  const set: Record<string, (value: unknown) => void> = {
    locale: (locale) => dispatch('setLocale', locale),
    zIndex: (zIndex) => (typeof zIndex === 'number' ? dispatch('update', { theme: { zIndex } }) : warn('zIndex', 'zIndex must be a number')),
    conversationFields(fields) {
      const custom: Record<string, Flat> = {};
      for (const field of Array.isArray(fields) ? fields : []) {
        if (isObject(field) && (typeof field['id'] === 'string' || typeof field['id'] === 'number') && isFlat(field['value'])) custom[String(field['id'])] = field['value'];
        else warn('field', 'conversationFields takes [{ id, value }] with a string, number, boolean or null value');
      }
      if (Object.keys(custom).length) dispatch('setContext', { custom });
    },
    conversationTags(tags) {
      if (Array.isArray(tags) && tags.every((t) => typeof t === 'string')) dispatch('setContext', { custom: { tags: tags.join(',') } });
      else warn('tags', 'conversationTags takes a list of strings');
    },
  };

  return guarded(warn, (namespace: unknown, command?: unknown, ...args: unknown[]) => {
    // The classic `zE(function () { … })`: run once the API is there, which it is.
    if (typeof namespace === 'function') return call(namespace);
    const name = String(command);
    const table = namespace === 'messenger' ? messenger : namespace === 'messenger:set' ? set : null;
    if (table && Object.hasOwn(table, name)) return table[name]!(...args);
    if (namespace === 'messenger:on' && Object.hasOwn(on, name)) {
      if (typeof args[0] !== 'function') return warn(`on:${name}:fn`, `zE('messenger:on', '${name}', callback): callback must be a function`);
      return on[name]!((...a) => call(args[0], ...a));
    }
    warn(`${String(namespace)}:${name}`, `zE('${String(namespace)}', '${name}') is not covered and was ignored`);
    return undefined;
  });
}

/** The script tag's shim: `window.zE`, ready at once. */
export function installZendesk(win: Window): ZendeskFn {
  const zE = createZendesk(globalDispatch(win));
  (win as Window & { zE?: ZendeskFn }).zE = zE;
  return zE;
}
