import type { CommandName, ConfigInput } from './api.ts';
import { LIFECYCLE, WIDGET_COMMANDS, type WidgetCommand, type WidgetCommandName } from './commands.ts';
import { checkConfig, checkIdentity, mergeConfig, type IdentityInput, type StartConfig } from './config.ts';
import { createEmitter, EVENTS, type Emit } from './events.ts';
import type { Running } from './start.ts';

export type Start = (config: StartConfig, emit: Emit) => Promise<Running>;

/** Every command name, lifecycle first: what the instance exposes and the dispatcher accepts. */
export const COMMAND_NAMES: readonly CommandName[] = [...LIFECYCLE, ...(Object.keys(WIDGET_COMMANDS) as WidgetCommandName[])];

export interface Controller {
  /**
   * Runs `name` with the host's arguments. Unknown names warn once each,
   * invalid arguments warn every time, and nothing a host passes can throw.
   * Returns what the command returns (`on` returns its unsubscribe function).
   */
  dispatch(name: unknown, ...args: unknown[]): unknown;
  /** Removes the widget, keeping the conversation for the next page view. */
  destroy(): void;
}

/*
 * Every widget stopped on this page, by any instance: the next one mounts only
 * once they are fully gone. Within one instance, identify switches people; across
 * instances, a host that destroys one and creates the next (React StrictMode's
 * double mount) never shows two launchers at once.
 */
let stopped: Promise<void> = Promise.resolve();

const isCommand = (name: string): name is CommandName => (COMMAND_NAMES as readonly string[]).includes(name);

/**
 * Commands work at any time: before boot they wait for it, during start-up they
 * wait for the widget, and they run in the order they were given. Handlers given
 * to `on` stay across shutdown and boot, so a host registers them once.
 */
export function createController(start: Start, defaults: ConfigInput = {}): Controller {
  let running: Promise<Running | null> | null = null;
  let waiting: Array<(r: Running) => void> = [];
  const events = createEmitter();
  const warnedUnknown = new Set<string>();
  let identity: IdentityInput | null = null;
  let lastOverrides: unknown;

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
    const gone = current?.then((r) => {
      if (forget) r?.forget();
      r?.destroy();
    });
    stopped = Promise.all([stopped, gone]).then(() => undefined);
  };

  const boot = (overrides?: unknown) => {
    if (overrides !== undefined && (typeof overrides !== 'object' || overrides === null)) {
      console.warn('[helpdock] boot: expects a config object such as { appId: "your-app" }');
      return;
    }
    if (running) return;
    lastOverrides = overrides;
    const checked = checkConfig(mergeConfig(defaults, overrides as ConfigInput | undefined));
    if (!checked) return;
    const config: StartConfig = identity ? { ...checked, identity } : checked;
    const mine = stopped.then(() => start(config, events.emit)).then(
      (r) => {
        // Shut down while starting: `stop` destroys it, and it never was ready.
        if (running === mine) events.emit('ready', { appId: config.appId });
        return r;
      },
      (err: unknown) => {
        console.warn('[helpdock] the widget could not start:', err);
        events.emit('error', { kind: 'start_failed', message: err instanceof Error ? err.message : String(err) });
        return null;
      },
    );
    running = mine;
    const queued = waiting;
    waiting = [];
    for (const fn of queued) withWidget(fn);
  };

  const listen = (name: 'on' | 'off', event: unknown, handler: unknown) => {
    if (typeof event !== 'string' || !(EVENTS as readonly string[]).includes(event)) {
      console.warn(`[helpdock] ${name}: unknown event ${JSON.stringify(event)} (known: ${EVENTS.join(', ')})`);
      return name === 'on' ? () => undefined : undefined;
    }
    if (typeof handler !== 'function') {
      console.warn(`[helpdock] ${name}: the handler for "${event}" must be a function`);
      return name === 'on' ? () => undefined : undefined;
    }
    const e = event as (typeof EVENTS)[number];
    const h = handler as (payload: unknown) => void;
    return name === 'on' ? events.on(e, h) : events.off(e, h);
  };

  const identify = (user: unknown, options: unknown) => {
    const next = checkIdentity(user, options);
    if (next === undefined) return;
    const previous = identity;
    identity = next;
    if (previous?.userId === next?.userId) {
      if (next && previous?.token !== next.token) withWidget((r) => r.setIdentityToken(next.token));
      return;
    }
    if (!running) return;
    // Another person: a verified user's conversation is forgotten on this device as they leave.
    stop(previous !== null);
    boot(lastOverrides);
  };

  const runCommand = (name: WidgetCommandName, args: unknown[]) => {
    const command = WIDGET_COMMANDS[name] as WidgetCommand<WidgetCommandName>;
    const problem = command.check?.(args);
    if (problem) {
      console.warn(`[helpdock] ${name}: ${problem}`);
      return;
    }
    withWidget((r) => {
      try {
        (command.run as (w: Running, ...a: unknown[]) => void)(r, ...args);
      } catch (err) {
        console.warn(`[helpdock] ${name} failed:`, err);
      }
    });
  };

  return {
    dispatch(name, ...args) {
      try {
        const key = String(name);
        if (!isCommand(key)) {
          if (!warnedUnknown.has(key)) console.warn(`[helpdock] unknown command "${key}"`);
          warnedUnknown.add(key);
          return undefined;
        }
        switch (key) {
          case 'boot':
            return boot(args[0]);
          case 'shutdown':
            return stop(true);
          case 'on':
          case 'off':
            return listen(key, args[0], args[1]);
          case 'identify':
            return identify(args[0], args[1]);
          default:
            return runCommand(key, args);
        }
      } catch (err) {
        console.warn(`[helpdock] ${String(name)} failed:`, err);
        return undefined;
      }
    },
    destroy: () => stop(false),
  };
}
