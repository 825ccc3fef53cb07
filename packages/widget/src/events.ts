import type { HelpdockEventHandler, HelpdockEventName, HelpdockEvents } from './api.ts';

export const EVENTS: readonly HelpdockEventName[] = ['ready', 'open', 'close', 'message', 'unread', 'ticket', 'context', 'error'];

export type Emit = <E extends HelpdockEventName>(event: E, payload: HelpdockEvents[E]) => void;

export interface Emitter {
  on<E extends HelpdockEventName>(event: E, handler: HelpdockEventHandler<E>): () => void;
  off<E extends HelpdockEventName>(event: E, handler: HelpdockEventHandler<E>): void;
  emit: Emit;
  clear(): void;
}

/** The host's handlers. One that throws gets a warning; the others still run. */
export function createEmitter(): Emitter {
  const handlers = new Map<HelpdockEventName, Set<(payload: never) => void>>();
  const off: Emitter['off'] = (event, handler) => void handlers.get(event)?.delete(handler);
  return {
    on(event, handler) {
      let set = handlers.get(event);
      if (!set) handlers.set(event, (set = new Set()));
      set.add(handler);
      return () => off(event, handler);
    },
    off,
    emit(event, payload) {
      for (const handler of [...(handlers.get(event) ?? [])]) {
        try {
          (handler as HelpdockEventHandler<typeof event>)(payload);
        } catch (err) {
          console.warn(`[helpdock] a "${event}" handler threw:`, err);
        }
      }
    },
    clear: () => handlers.clear(),
  };
}
