import type { StoreApi } from 'zustand/vanilla';
import type { Clock, Ports, Storage } from './ports.ts';
import type { CoreState } from './state.ts';

/** What the core's parts share. Built once per `createHelpdockCore` call. */
export interface CoreContext {
  appId: string;
  store: StoreApi<CoreState>;
  ports: Ports;
  storage: Storage;
  clock: Clock;
  newId: () => string;
  retryDelayMs: number;
  isDestroyed(): boolean;
}

export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}
