import type { StoreApi } from 'zustand/vanilla';
import type { Clock, Ports } from './ports.ts';
import type { CoreState } from './state.ts';

/** What the core's parts share. Built once per `createHelpdockCore` call. */
export interface CoreContext {
  store: StoreApi<CoreState>;
  ports: Ports;
  clock: Clock;
  newId: () => string;
  retryDelayMs: number;
  isDestroyed(): boolean;
}

export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
