import type { Helpdock, HelpdockEventName, HelpdockEvents } from '../api.ts';

/** How a shim reaches the widget: `window.Helpdock` on a script-tag page, or an npm instance's commands. */
export type Dispatch = (name: string, ...args: unknown[]) => unknown;

/** What a shim is built on: an npm instance from `createHelpdock`, or a function with the script tag's `Helpdock(name, ...args)` shape. */
export type ShimTarget = Helpdock | Dispatch;

type QueueStub = Dispatch & { q?: unknown[][] };

export function toDispatch(target: ShimTarget): Dispatch {
  if (typeof target === 'function') return target;
  const commands = target as unknown as Record<string, (...args: unknown[]) => unknown>;
  return (name, ...args) => commands[name]?.(...args);
}

/**
 * `window.Helpdock`, looked up at every call: the loader's queue until the
 * widget loads, the live dispatcher after. A shim loaded before the loader
 * leaves the same queue the loader's own snippet would, and the loader takes it over.
 */
export function globalDispatch(w: Window & { Helpdock?: QueueStub }): Dispatch {
  return (name, ...args) => {
    let helpdock = w.Helpdock;
    if (typeof helpdock !== 'function') {
      const stub: QueueStub = (...a: unknown[]) => void (stub.q ??= []).push(a);
      w.Helpdock = helpdock = stub;
    }
    return helpdock(name, ...args);
  };
}

/** One `[helpdock] …` warning per key, so a call in a loop does not flood the console. */
export function createWarner(vendor: string): (key: string, message: string) => void {
  const warned = new Set<string>();
  return (key, message) => {
    if (warned.has(key)) return;
    warned.add(key);
    console.warn(`[helpdock] ${vendor} shim: ${message} (see docs/migration.md)`);
  };
}

type Listener<E extends HelpdockEventName> = (payload: HelpdockEvents[E]) => void;

/**
 * The vendor's handlers, fanned out from one Helpdock handler per event:
 * `on` through the loader's queue cannot hand back an unsubscribe function,
 * and vendors remove handlers by event name.
 */
export function createHub(dispatch: Dispatch) {
  const sets = new Map<HelpdockEventName, Set<Listener<never>>>();
  return {
    on<E extends HelpdockEventName>(event: E, listener: Listener<E>): () => void {
      let set = sets.get(event);
      if (!set) {
        const created = new Set<Listener<never>>();
        sets.set(event, (set = created));
        dispatch('on', event, (payload: HelpdockEvents[E]) => {
          for (const l of [...created]) (l as Listener<E>)(payload);
        });
      }
      set.add(listener as Listener<never>);
      return () => void set.delete(listener as Listener<never>);
    },
  };
}

export type Flat = string | number | boolean | null;

export const isFlat = (v: unknown): v is Flat => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Runs `fn`; a shim never lets an exception out into the host page. */
export function guarded<A extends unknown[], R>(warn: (key: string, message: string) => void, fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args) => {
    try {
      return fn(...args);
    } catch (err) {
      warn(`error:${String(err)}`, `a call failed: ${String(err)}`);
      return undefined;
    }
  };
}
