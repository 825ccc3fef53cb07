import type { HelpdockConfig } from './config.ts';
import { createController, type HelpdockCommands } from './controller.ts';

export type { ConfigInput, HelpdockConfig } from './config.ts';
export type { CommandName, HelpdockCommands, HelpdockEvents } from './controller.ts';

export interface Helpdock extends Omit<HelpdockCommands, 'boot'> {
  /** Removes the widget; the conversation stays for the next page view. */
  destroy(): void;
}

const noop = () => undefined;

/**
 * The widget for bundled apps: `createHelpdock({ appId, serverUrl })`. Nothing
 * runs on import; on the server (SSR) the returned commands do nothing.
 */
export function createHelpdock(config: HelpdockConfig): Helpdock {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    return {
      open: noop,
      close: noop,
      toggle: noop,
      showNewMessage: noop,
      setLocale: noop,
      shutdown: noop,
      setContext: noop,
      getContext: noop,
      showArticle: noop,
      showTicket: noop,
      suggest: noop,
      setDiagnostics: noop,
      on: noop,
      off: noop,
      destroy: noop,
    };
  }
  const controller = createController((c) => import('./start.ts').then((m) => m.startWidget(c)));
  controller.boot(config);
  const { boot: _boot, ...commands } = controller;
  return commands;
}
