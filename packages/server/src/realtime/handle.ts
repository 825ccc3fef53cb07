import { protocolError, type Ack, type Validated } from '@helpdock/protocol';
import type { Socket } from 'socket.io';
import { isStoreUnavailable, UNAVAILABLE_MESSAGE } from '../db/unavailable.ts';
import type { Logger } from '../log.ts';
import { drainFor } from './drain.ts';

type Reply = (ack: Ack<object>) => void;

const ignoreReply: Reply = () => undefined;

/**
 * Registers one client event: the payload is validated, the handler's result is
 * the acknowledgement, and a failure of any kind becomes `internal` (and a log
 * line) instead of an exception that could take the process down. A client that
 * sends no acknowledgement callback still gets the work done.
 */
export function handle<T>(
  socket: Socket,
  event: string,
  logger: Logger,
  check: (input: unknown) => Validated<T>,
  run: (value: T) => Promise<Ack<object>>,
): void {
  socket.on(event, async (...args: unknown[]) => {
    const last = args.at(-1);
    const reply = typeof last === 'function' ? (args.pop() as Reply) : ignoreReply;
    const send = (ack: Ack<object>) => {
      try {
        reply(ack);
      } catch (err) {
        logger.error(`${socket.nsp.name} ${event}: acknowledgement failed`, err);
      }
    };
    const drain = drainFor(socket.nsp.server);
    // A stopping node takes no new work: the client resends it to the node it reconnects to.
    if (drain?.draining) return send(protocolError('unavailable', 'this server is shutting down; try again in a moment'));
    const done = drain?.begin();
    try {
      const input = check(args[0]);
      if (!input.ok) return send(input);
      send(await run(input.value));
    } catch (err) {
      if (isStoreUnavailable(err)) {
        logger.warn(`${socket.nsp.name} ${event}: database unavailable (${(err as Error).message})`);
        return send(protocolError('unavailable', UNAVAILABLE_MESSAGE));
      }
      logger.error(`${socket.nsp.name} ${event} failed`, err);
      send(protocolError('internal', 'internal error'));
    } finally {
      done?.();
    }
  });
}

/** For events whose payload carries nothing: an object (or nothing at all) is fine. */
export function emptyRequest(input: unknown): Validated<Record<string, never>> {
  if (input === undefined || (typeof input === 'object' && input !== null && !Array.isArray(input))) return { ok: true, value: {} };
  return protocolError('invalid_event', '(root): must be an object', [{ path: '(root)', message: 'must be an object' }]);
}

/** A handshake refusal: the client's `connect_error` carries `message` = the code. */
export function refusal(code: 'unauthorized' | 'unknown_app' | 'origin_not_allowed' | 'internal', message: string): Error {
  return Object.assign(new Error(code), { data: { code, message } });
}
