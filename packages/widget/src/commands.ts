import { resolveLocale } from '@helpdock/i18n';
import type { CommandName, HelpdockCommands } from './api.ts';
import type { Running } from './start.ts';

/** Checks a command's arguments as the host gave them: a problem is the warning's text, `null` means fine. */
export type ArgsCheck = (args: unknown[]) => string | null;

export interface WidgetCommand<N extends CommandName> {
  check?: ArgsCheck;
  /** Runs once the widget is up; commands given before wait for it, in order. */
  run(widget: Running, ...args: Parameters<HelpdockCommands[N]>): void;
}

/** Commands about the widget's lifecycle (who it is for) and the host's handlers; the controller implements them. */
export const LIFECYCLE = ['boot', 'shutdown', 'on', 'off', 'identify'] as const;

export type WidgetCommandName = Exclude<CommandName, (typeof LIFECYCLE)[number]>;

/** A locale we ship, or a tag that resolves to one (`zh` → zh-CN); anything else would silently fall back to English. */
export function isShippedLocale(requested: unknown): requested is string {
  if (typeof requested !== 'string' || !requested) return false;
  return resolveLocale(requested) !== 'en' || /^en\b/i.test(requested);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every command that acts on a running widget. Adding one is two edits that
 * the compiler holds together: its signature in `HelpdockCommands` (api.ts),
 * and its entry here. The script tag, the npm instance and the loader's queue
 * all dispatch through this table, so the new command works everywhere at once.
 */
export const WIDGET_COMMANDS: { [N in WidgetCommandName]: WidgetCommand<N> } = {
  open: { run: (w) => w.core.open() },
  close: { run: (w) => w.core.close() },
  toggle: { run: (w) => w.core.toggle() },
  showNewMessage: {
    check: ([text]) => (text === undefined || typeof text === 'string' ? null : 'text must be a string'),
    run(w, text) {
      if (text) w.core.setDraft(text);
      w.core.open();
    },
  },
  setLocale: {
    check: ([locale]) => (isShippedLocale(locale) ? null : `unknown locale ${JSON.stringify(locale)}`),
    run: (w, locale) => w.setLocale(locale),
  },
  setContext: { run: (w, facts) => w.setContext(facts as never) },
  getContext: {
    check: ([callback]) => (typeof callback === 'function' ? null : 'pass a function to receive the context'),
    run: (w, callback) => callback({ ...w.core.store.getState().context }),
  },
  showArticle: {
    check: ([id]) => (typeof id === 'string' && id ? null : `${JSON.stringify(id)} is not an article id`),
    run: (w, id) =>
      void w.core.showArticle(id).then((found) => {
        if (!found) console.warn(`[helpdock] showArticle: no article "${id}"`);
      }),
  },
  showTicket: {
    check: ([id]) => (typeof id === 'string' && id ? null : `${JSON.stringify(id)} is not a ticket id`),
    run: (w, id) =>
      void w.core.showTicket(id).then((found) => {
        if (!found) console.warn(`[helpdock] showTicket: no ticket "${id}" for this visitor`);
      }),
  },
  suggest: {
    check: ([ids]) => (Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? null : 'pass a list of article ids'),
    run: (w, ids) => void w.core.suggest(ids),
  },
  setDiagnostics: {
    check: ([fn]) => (fn === null || typeof fn === 'function' ? null : 'pass a function (or null)'),
    run: (w, fn) => w.core.setDiagnostics(fn),
  },
  registerAction: {
    check: ([name, handler]) =>
      typeof name === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/.test(name)
        ? typeof handler === 'function'
          ? null
          : `the handler for "${name}" must be a function`
        : `${JSON.stringify(name)} is not an action name like "cdn.purge"`,
    run: (w, name, handler) => void w.core.registerAction(name, handler as never),
  },
  update: {
    check([changes]) {
      if (!isPlainObject(changes)) return 'expects an object such as { theme: { accent: "#0a7" } }';
      const unknown = Object.keys(changes).filter((k) => !['locale', 'strings', 'theme'].includes(k));
      if (unknown.length) return `cannot change ${unknown.join(', ')} while running (only locale, strings, theme); shutdown and boot instead`;
      if (changes['locale'] !== undefined && !isShippedLocale(changes['locale'])) return `unknown locale ${JSON.stringify(changes['locale'])}`;
      if (changes['theme'] !== undefined && !isPlainObject(changes['theme'])) return 'theme must be an object';
      if (changes['strings'] !== undefined && !isPlainObject(changes['strings'])) return 'strings must be an object of locales';
      return null;
    },
    run: (w, changes) => w.update(changes),
  },
  track: {
    check([event, metadata]) {
      if (typeof event !== 'string' || !/^[\w.:-]{1,64}$/.test(event)) return `event name ${JSON.stringify(event)} must be 1–64 letters, digits or ._:-`;
      if (metadata === undefined) return null;
      if (!isPlainObject(metadata) || Object.keys(metadata).length > 20) return 'metadata must be an object of at most 20 keys';
      const flat = Object.values(metadata).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
      return flat ? null : 'metadata values must be strings, numbers or booleans';
    },
    run: (w, event, metadata) => w.track(event, metadata),
  },
};
