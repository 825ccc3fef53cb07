import { HTTP, type Message, type Ticket } from '@helpdock/protocol';
import { io, type Socket } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';

/** A demo agent driven from Node over the real agent namespace (faster than the console for bulk sends). */
export async function demoAgent(serverUrl: string, email = 'ana@demo.helpdock.dev'): Promise<{ socket: Socket; token: string }> {
  const res = await fetch(`${serverUrl}${HTTP.agentLogin}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ appId: 'demo', email, password: 'helpdock-demo' }),
  });
  if (!res.ok) throw new Error(`agent login: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  const socket = io(`${serverUrl}/agent`, { parser: jsonParser, auth: { token }, forceNew: true, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('hello', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, token };
}

export async function ask<T = any>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const ack = (await socket.timeout(10_000).emitWithAck(event, payload)) as { ok: boolean; error?: unknown } & T;
  if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
  return ack;
}

/** The open ticket whose subject or transcript contains `text`. */
export async function findTicket(socket: Socket, text: string): Promise<Ticket> {
  for (let i = 0; i < 50; i++) {
    const { tickets } = await ask<{ tickets: Ticket[] }>(socket, 'queue:list', {});
    const found = tickets.find((t) => t.subject.includes(text) || t.transcript.some((e) => e.text.includes(text)));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no open ticket mentions ${JSON.stringify(text)}`);
}

export type { Message, Ticket };
