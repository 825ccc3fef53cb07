/*
 * Crisp's `$crisp.push([...])` on top of Helpdock, for the common commands.
 * What is covered, and how, is in docs/migration.md.
 */
import type { HelpdockMessage } from '../api.ts';
import { createHub, createWarner, globalDispatch, guarded, isFlat, isObject, toDispatch, type Flat, type ShimTarget } from './shared.ts';

/** A message as Crisp's `message:received` / `message:sent` handlers get it. */
export interface CrispMessage {
  type: 'text';
  content: string;
  from: 'operator' | 'user';
  origin: 'chat';
  fingerprint: string;
  timestamp: number;
  user?: { nickname: string };
}

/** `window.$crisp`. */
export interface Crisp {
  push(...commands: unknown[]): number;
  /** `is('chat:opened')`, `is('chat:closed')`; anything else warns and answers `undefined`. */
  is(what: string): boolean | undefined;
  /** Not covered: warns and answers `undefined`. */
  get(what: string): undefined;
}

type Handler = (...args: unknown[]) => void;

function crispMessage(m: HelpdockMessage): CrispMessage {
  const out: CrispMessage = { type: 'text', content: m.text, from: m.author === 'visitor' ? 'user' : 'operator', origin: 'chat', fingerprint: m.id, timestamp: Date.parse(m.createdAt) };
  if (m.authorName) out.user = { nickname: m.authorName };
  return out;
}

/** The `$crisp` object, acting on `target` (an npm instance, or the script tag's dispatcher). */
export function createCrisp(target: ShimTarget): Crisp {
  const dispatch = toDispatch(target);
  const hub = createHub(dispatch);
  const warn = createWarner('Crisp');
  const handlers = new Map<string, Array<() => void>>();
  let open = false;
  hub.on('open', () => (open = true));
  hub.on('close', () => (open = false));

  const custom = (values: Record<string, Flat>) => dispatch('setContext', { custom: values });
  const first = (args: unknown) => (Array.isArray(args) ? args[0] : args);

  const doCommands: Record<string, (args: unknown) => void> = {
    'chat:open': () => dispatch('open'),
    'chat:close': () => dispatch('close'),
    'chat:toggle': () => dispatch('toggle'),
    // The launcher is always on the page while the widget runs.
    'chat:show': () => undefined,
    'chat:hide'() {
      dispatch('close');
      warn('chat:hide', '["do", "chat:hide"] closes the chat; the launcher itself stays on the page');
    },
    'message:send'(args) {
      const [type, content] = Array.isArray(args) ? args : [];
      if (type !== 'text' || typeof content !== 'string') return warn(`send:${String(type)}`, `["do", "message:send", ["${String(type)}", …]]: only text messages are covered`);
      // Helpdock never sends on the visitor's behalf: the chat opens with the text in the composer.
      dispatch('showNewMessage', content);
    },
    'session:reset'() {
      dispatch('shutdown');
      dispatch('boot');
    },
  };

  const setCommands: Record<string, (args: unknown) => void> = {
    'user:email': (args) => typeof first(args) === 'string' && custom({ email: first(args) as string }),
    'user:nickname': (args) => typeof first(args) === 'string' && custom({ name: first(args) as string }),
    'user:phone': (args) => typeof first(args) === 'string' && custom({ phone: first(args) as string }),
    'user:company': (args) => typeof first(args) === 'string' && custom({ company: first(args) as string }),
    'session:segments'(args) {
      const segments = first(args);
      if (Array.isArray(segments) && segments.every((s) => typeof s === 'string')) custom({ segments: segments.join(',') });
    },
    'session:data'(args) {
      // ["key", value], [[["key", value], …]] or [{ key: value }]
      const data = Array.isArray(args) && typeof args[0] === 'string' ? [args] : first(args);
      const pairs: unknown[] = Array.isArray(data) ? (Array.isArray(data[0]) ? data : [data]) : isObject(data) ? Object.entries(data) : [];
      const values: Record<string, Flat> = {};
      for (const pair of pairs) {
        const [key, value] = Array.isArray(pair) ? pair : [];
        if (typeof key === 'string' && isFlat(value)) values[key] = value;
        else warn(`data:${String(key)}`, `session:data "${String(key)}" must be a string, number, boolean or null`);
      }
      if (Object.keys(values).length) custom(values);
    },
  };

  const events: Record<string, (cb: Handler) => () => void> = {
    'message:received': (cb) => hub.on('message', (m) => m.author !== 'visitor' && m.author !== 'system' && cb(crispMessage(m))),
    'message:sent': (cb) => hub.on('message', (m) => m.author === 'visitor' && cb(crispMessage(m))),
    'chat:opened': (cb) => hub.on('open', () => cb()),
    'chat:closed': (cb) => hub.on('close', () => cb()),
    'session:loaded': (cb) => hub.on('ready', () => cb()),
  };

  const run = (command: unknown) => {
    if (!Array.isArray(command)) return warn('shape', '$crisp.push expects commands such as ["do", "chat:open"]');
    const [verb, name, args] = command as [unknown, unknown, unknown];
    const key = String(name);
    if (verb === 'do' && Object.hasOwn(doCommands, key)) return doCommands[key]!(args);
    if (verb === 'set' && Object.hasOwn(setCommands, key)) return setCommands[key]!(args);
    if (verb === 'on' && Object.hasOwn(events, key)) {
      if (typeof args !== 'function') return warn(`on:${key}:fn`, `["on", "${key}", handler]: the handler must be a function`);
      const stop = events[key]!((...a) => {
        try {
          (args as Handler)(...a);
        } catch (err) {
          console.warn(`[helpdock] Crisp shim: a "${key}" handler threw:`, err);
        }
      });
      handlers.set(key, [...(handlers.get(key) ?? []), stop]);
      return;
    }
    if (verb === 'off' && Object.hasOwn(events, key)) {
      for (const stop of handlers.get(key) ?? []) stop();
      handlers.delete(key);
      return;
    }
    // ["safe", true] only silences Crisp's own errors; the shim never throws anyway.
    if (verb === 'safe') return;
    warn(`${String(verb)}:${key}`, `$crisp.push(["${String(verb)}", "${key}", …]) is not covered and was ignored`);
  };

  const push = guarded(warn, (...commands: unknown[]) => {
    for (const command of commands) run(command);
    return commands.length;
  });

  return {
    push: (...commands) => push(...commands) ?? 0,
    is(what) {
      if (what === 'chat:opened') return open;
      if (what === 'chat:closed') return !open;
      warn(`is:${String(what)}`, `$crisp.is("${String(what)}") is not covered`);
      return undefined;
    },
    get(what) {
      warn(`get:${String(what)}`, `$crisp.get("${String(what)}") is not covered`);
      return undefined;
    },
  };
}

type CrispWindow = Window & { $crisp?: unknown; CRISP_RUNTIME_CONFIG?: { locale?: unknown } };

/**
 * The script tag's shim: takes over `window.$crisp` (Crisp's snippet leaves an
 * array of queued commands there), applies `CRISP_RUNTIME_CONFIG.locale`, and
 * runs the queued commands in order. `CRISP_WEBSITE_ID` is not needed: the
 * Helpdock app comes from the loader's `data-app-id`.
 */
export function installCrisp(win: Window): Crisp {
  const w = win as CrispWindow;
  const queued = Array.isArray(w.$crisp) ? (w.$crisp as unknown[]) : [];
  const crisp = createCrisp(globalDispatch(w as Window));
  w.$crisp = crisp;
  const locale = w.CRISP_RUNTIME_CONFIG?.locale;
  if (typeof locale === 'string') globalDispatch(w as Window)('setLocale', locale);
  crisp.push(...queued);
  return crisp;
}
