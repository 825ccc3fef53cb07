import { checkConfig, mergeConfig, type ConfigInput, type HelpdockConfig } from './config.ts';
import type { Running } from './start.ts';

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
}

export type CommandName = keyof HelpdockCommands;

export const COMMANDS: readonly CommandName[] = ['boot', 'open', 'close', 'toggle', 'showNewMessage', 'setLocale', 'shutdown'];

type Start = (config: HelpdockConfig) => Promise<Running>;

/**
 * Commands work at any time: before boot they wait for it, during start-up they
 * wait for the widget, and they run in the order they were given.
 */
export function createController(start: Start, defaults: ConfigInput = {}): HelpdockCommands & { destroy(): void } {
  let running: Promise<Running | null> | null = null;
  let waiting: Array<(r: Running) => void> = [];

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
      running = start(config).catch((err: unknown) => {
        console.warn('[helpdock] the widget could not start:', err);
        return null;
      });
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
