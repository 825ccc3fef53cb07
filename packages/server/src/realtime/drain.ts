import type { Server } from 'socket.io';

/**
 * Counts events being handled, so a stopping node can refuse new ones, let the
 * ones in flight finish and answer, and only then drop its sockets and close
 * its store.
 */
export interface Drain {
  readonly draining: boolean;
  /** Marks one event as in flight; call the returned function when it has answered. */
  begin(): () => void;
  /** Refuses new events from now on and resolves when none is in flight (or after `maxMs`). */
  drain(maxMs: number): Promise<void>;
}

// Looked up by server, so `handle` needs no extra argument.
const drains = new WeakMap<Server, Drain>();

export function drainFor(io: Server): Drain | undefined {
  return drains.get(io);
}

export function createDrain(io: Server): Drain {
  let inflight = 0;
  let draining = false;
  let idle: (() => void) | null = null;
  const drain: Drain = {
    get draining() {
      return draining;
    },
    begin() {
      inflight++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        inflight--;
        if (inflight === 0) idle?.();
      };
    },
    drain(maxMs) {
      draining = true;
      if (inflight === 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, maxMs);
        timer.unref();
        idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    },
  };
  drains.set(io, drain);
  return drain;
}
