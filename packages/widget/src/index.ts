import type { CommandName, Helpdock, HelpdockConfig } from './api.ts';
import { COMMAND_NAMES, createController } from './controller.ts';

export type {
  CommandName,
  ConfigInput,
  ConfigUpdate,
  Helpdock,
  HelpdockCommands,
  HelpdockConfig,
  HelpdockError,
  HelpdockEventHandler,
  HelpdockEventName,
  HelpdockEvents,
  HelpdockGlobal,
  HelpdockMessage,
  HelpdockTicket,
  PageContext,
  Theme,
} from './api.ts';

function instance(dispatch: (name: CommandName, ...args: unknown[]) => unknown, destroy: () => void): Helpdock {
  const commands: Record<string, unknown> = { destroy };
  for (const name of COMMAND_NAMES) commands[name] = (...args: unknown[]) => dispatch(name, ...args);
  return commands as unknown as Helpdock;
}

/**
 * The widget for bundled apps: `createHelpdock({ appId, serverUrl })` boots it
 * and returns the same commands as the script tag's `Helpdock(...)`, plus typed
 * events. Nothing runs on import; on the server (SSR) every command does nothing.
 */
export function createHelpdock(config: HelpdockConfig): Helpdock {
  if (typeof window === 'undefined' || typeof document === 'undefined') {
    return instance((name) => (name === 'on' ? () => undefined : undefined), () => undefined);
  }
  const controller = createController((c, emit) => import('./start.ts').then((m) => m.startWidget(c, emit)));
  controller.dispatch('boot', config);
  return instance(controller.dispatch, controller.destroy);
}
