import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validate, TicketRefSchema } from '@helpdock/protocol';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handle } from '../src/realtime/handle.ts';
import { captureLogger } from './support/server.ts';

let http: HttpServer;
let server: Server;
let client: Socket;
const logs: string[] = [];

beforeAll(async () => {
  http = createServer();
  server = new Server(http, { parser: jsonParser });
  server.on('connection', (socket) => {
    const logger = captureLogger(logs);
    handle(socket, 'boom', logger, (input) => validate(TicketRefSchema, input), async () => {
      throw new Error('database fell over');
    });
    handle(socket, 'fine', logger, (input) => validate(TicketRefSchema, input), async ({ ticketId }) => ({ ok: true, ticketId }));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { forceNew: true, reconnection: false, parser: jsonParser });
  await new Promise<void>((resolve) => client.once('connect', () => resolve()));
});
afterAll(async () => {
  client.disconnect();
  await server.close();
});

describe('event handlers', () => {
  it('turn a crash into an internal error for the caller, log it, and keep serving', async () => {
    expect(await client.timeout(2000).emitWithAck('boom', { ticketId: 't1' })).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } });
    expect(logs.some((line) => line.includes('boom failed') && line.includes('database fell over'))).toBe(true);
    client.emit('boom', { ticketId: 't1' });
    expect(await client.timeout(2000).emitWithAck('fine', { ticketId: 't2' })).toEqual({ ok: true, ticketId: 't2' });
  });
});
