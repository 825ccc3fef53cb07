import { protocolError } from '@helpdock/protocol';
import type { Socket } from 'socket.io';

/**
 * Every event of a socket whose session has expired is refused, and the socket
 * is let go: a live connection never outlives its token (the client then asks
 * for a fresh session, which checks identity and revocation again).
 */
export function refuseAfter(socket: Socket, expiresAtSeconds: number): void {
  socket.use((packet, next) => {
    if (Date.now() / 1000 < expiresAtSeconds) return next();
    const ack = packet.at(-1);
    if (typeof ack === 'function') (ack as (a: unknown) => void)(protocolError('unauthorized', 'the session has expired'));
    socket.disconnect(true);
  });
}

/**
 * An event nobody handles still gets an answer that says why nothing happened.
 * Whatever the namespace registers (now or later) counts as known.
 */
export function refuseUnknownEvents(socket: Socket): void {
  socket.onAny((event: unknown, ...args: unknown[]) => {
    if (typeof event === 'string' && socket.listenerCount(event) > 0) return;
    const ack = args.at(-1);
    if (typeof ack === 'function') (ack as (a: unknown) => void)(protocolError('invalid_event', `unknown event ${JSON.stringify(String(event)).slice(0, 80)}`));
  });
}
