import type { ConfigInput } from './api.ts';
import { createController, type Start } from './controller.ts';
import { startWidget } from './start.ts';

/** What the loader leaves on `window.Helpdock`: the calls made so far and the script tag's settings. */
export interface LoaderStub {
  (...args: unknown[]): unknown;
  q?: unknown[][];
  config?: ConfigInput;
  loaded?: boolean;
}

type HostWindow = Window & { Helpdock?: LoaderStub };

/**
 * Takes over from the loader: boots with the script tag's settings (unless the
 * page boots explicitly), replays the queued calls in order, and leaves the live
 * dispatcher on `window.Helpdock`.
 */
export function bootFromLoader(win: HostWindow, start: Start = startWidget): void {
  const stub = win.Helpdock;
  if (stub?.loaded) return;
  const queue = Array.isArray(stub?.q) ? stub.q : [];
  const controller = createController(start, stub?.config ?? {});
  const dispatch: LoaderStub = (name, ...args) => controller.dispatch(name, ...args);
  dispatch.loaded = true;
  win.Helpdock = dispatch;
  if (stub?.config?.appId && !queue.some((call) => call[0] === 'boot')) dispatch('boot');
  for (const call of queue) if (Array.isArray(call)) dispatch(...call);
}
