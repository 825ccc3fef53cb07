import type { HostFacts } from '@helpdock/adapters';
import type { CoreState, DiagnosticsFn } from '@helpdock/core';
import { checkConfig, mergeConfig, type ConfigInput, type HelpdockConfig } from './config.ts';
import type { Running } from './start.ts';

type ContextSnapshot = CoreState['context'];

/** Events a host can listen to with `Helpdock('on', name, listener)`. */
export interface HelpdockEvents {
  /** Where the user is, after every change (navigation, an error banner, a host push). */
  context: (context: ContextSnapshot) => void;
}

/** The host API, the same for the script tag (`Helpdock('open')`) and npm (`helpdock.open()`). */
export interface HelpdockCommands {
  /** Starts the widget. Script tag: implied by `data-app-id`. */
  boot(config?: ConfigInput): void;
  open(): void;
  close(): void;
  toggle(): void;
  /** Opens the chat with the composer prefilled. */
  showNewMessage(text?: string): void;
  setLocale(locale: string): void;
  /** Removes the widget and forgets this visitor's conversation on this device (sign-out). `boot` starts again. */
  shutdown(): void;
  /** Explicit facts (plan, account id, custom); merged with earlier pushes and winning over detected ones. */
  setContext(facts: HostFacts): void;
  /** Calls `callback` with the current context, as it would be sent with a ticket. */
  getContext(callback: (context: ContextSnapshot) => void): void;
  /** Opens a KB article inside the widget. */
  showArticle(id: string): void;
  /** Opens one of this visitor's tickets in the widget: the live one, or a past one read-only. */
  showTicket(id: string): void;
  /** Articles to offer first on the home view; kept across SPA navigation until replaced. */
  suggest(ids: string[]): void;
  /** Registers the host's check behind "Run a check" (null removes it). */
  setDiagnostics(fn: DiagnosticsFn | null): void;
  on<E extends keyof HelpdockEvents>(event: E, listener: HelpdockEvents[E]): void;
  off<E extends keyof HelpdockEvents>(event: E, listener: HelpdockEvents[E]): void;
}

export type CommandName = keyof HelpdockCommands;

export const COMMANDS: readonly CommandName[] = [
  'boot',
  'open',
  'close',
  'toggle',
  'showNewMessage',
  'setLocale',
  'shutdown',
  'setContext',
  'getContext',
  'showArticle',
  'showTicket',
  'suggest',
  'setDiagnostics',
  'on',
  'off',
];

const EVENTS: ReadonlySet<string> = new Set<keyof HelpdockEvents>(['context']);

type Start = (config: HelpdockConfig) => Promise<Running>;

/**
 * Commands work at any time: before boot they wait for it, during start-up they
 * wait for the widget, and they run in the order they were given.
 */
export function createController(start: Start, defaults: ConfigInput = {}): HelpdockCommands & { destroy(): void } {
  let running: Promise<Running | null> | null = null;
  let waiting: Array<(r: Running) => void> = [];
  const contextListeners = new Set<HelpdockEvents['context']>();
  let stopEvents: (() => void) | null = null;

  // One store subscription per running widget feeds every `context` listener; a throwing listener is the host's bug, not ours.
  const emitContext = (r: Running) => {
    stopEvents?.();
    stopEvents = r.core.store.subscribe((s, prev) => {
      if (s.context === prev.context) return;
      for (const listener of contextListeners) {
        try {
          listener(s.context);
        } catch (err) {
          console.warn('[helpdock] a context listener failed:', err);
        }
      }
    });
  };

  const withWidget = (fn: (r: Running) => void) => {
    if (!running) {
      waiting.push(fn);
      return;
    }
    void running.then((r) => r && fn(r));
  };

  const stop = (forget: boolean) => {
    const current = running;
    running = null;
    waiting = [];
    stopEvents?.();
    stopEvents = null;
    void current?.then((r) => {
      if (forget) r?.forget();
      r?.destroy();
    });
  };

  return {
    boot(overrides) {
      if (running) return;
      const config = checkConfig(mergeConfig(defaults, overrides));
      if (!config) return;
      running = start(config).then(
        (r) => {
          emitContext(r);
          return r;
        },
        (err: unknown) => {
          console.warn('[helpdock] the widget could not start:', err);
          return null;
        },
      );
      const queued = waiting;
      waiting = [];
      for (const fn of queued) withWidget(fn);
    },
    open: () => withWidget((r) => r.core.open()),
    close: () => withWidget((r) => r.core.close()),
    toggle: () => withWidget((r) => r.core.toggle()),
    showNewMessage: (text) =>
      withWidget((r) => {
        if (typeof text === 'string' && text) r.core.setDraft(text);
        r.core.open();
      }),
    setLocale: (locale) => withWidget((r) => r.setLocale(locale)),
    shutdown: () => stop(true),
    setContext: (facts) => withWidget((r) => r.setContext(facts)),
    getContext: (callback) => {
      if (typeof callback !== 'function') {
        console.warn('[helpdock] getContext: pass a function to receive the context');
        return;
      }
      withWidget((r) => callback(r.core.store.getState().context));
    },
    showArticle: (id) => {
      if (typeof id !== 'string' || !id) {
        console.warn(`[helpdock] showArticle: ${JSON.stringify(id)} is not an article id`);
        return;
      }
      withWidget((r) =>
        void r.core.showArticle(id).then((found) => {
          if (!found) console.warn(`[helpdock] showArticle: no article "${id}"`);
        }),
      );
    },
    showTicket: (id) => {
      if (typeof id !== 'string' || !id) {
        console.warn(`[helpdock] showTicket: ${JSON.stringify(id)} is not a ticket id`);
        return;
      }
      withWidget((r) =>
        void r.core.showTicket(id).then((found) => {
          if (!found) console.warn(`[helpdock] showTicket: no ticket "${id}" for this visitor`);
        }),
      );
    },
    suggest: (ids) => {
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
        console.warn('[helpdock] suggest: pass a list of article ids');
        return;
      }
      withWidget((r) => void r.core.suggest(ids));
    },
    setDiagnostics: (fn) => {
      if (fn !== null && typeof fn !== 'function') {
        console.warn('[helpdock] setDiagnostics: pass a function (or null)');
        return;
      }
      withWidget((r) => r.core.setDiagnostics(fn));
    },
    on: (event, listener) => {
      if (!EVENTS.has(event) || typeof listener !== 'function') {
        console.warn(`[helpdock] on: unknown event ${JSON.stringify(event)} or listener is not a function`);
        return;
      }
      contextListeners.add(listener);
    },
    off: (event, listener) => {
      if (EVENTS.has(event)) contextListeners.delete(listener);
    },
    destroy: () => stop(false),
  };
}

/** `Helpdock(name, ...args)`: unknown names get one warning each, and nothing a host passes can throw. */
export function createDispatcher(commands: HelpdockCommands): (name: unknown, ...args: unknown[]) => void {
  const warned = new Set<string>();
  return (name, ...args) => {
    const key = String(name);
    if (!(COMMANDS as readonly string[]).includes(key)) {
      if (!warned.has(key)) console.warn(`[helpdock] unknown command "${key}"`);
      warned.add(key);
      return;
    }
    try {
      (commands[key as CommandName] as (...a: unknown[]) => void)(...args);
    } catch (err) {
      console.warn(`[helpdock] ${key} failed:`, err);
    }
  };
}
