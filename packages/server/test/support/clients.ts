import type { Agent, AgentLoginResponse, Message, Ticket, VisitorSessionResponse } from '@helpdock/protocol';
import { HTTP } from '@helpdock/protocol';
import { io, type Socket } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

export async function visitorSession(baseUrl: string, appId: string, origin: string, token?: string): Promise<VisitorSessionResponse> {
  const res = await postJson(`${baseUrl}${HTTP.visitorSession}`, token ? { appId, token } : { appId }, { origin });
  if (res.status !== 200) throw new Error(`visitor session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as VisitorSessionResponse;
}

export async function agentLogin(baseUrl: string, appId: string, email: string, password: string): Promise<AgentLoginResponse> {
  const res = await postJson(`${baseUrl}${HTTP.agentLogin}`, { appId, email, password });
  if (res.status !== 200) throw new Error(`agent login: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AgentLoginResponse;
}

const open: Socket[] = [];

/** Disconnects every socket the helpers opened (call in afterEach/afterAll). */
export function disconnectAll(): void {
  for (const socket of open.splice(0)) socket.disconnect();
}

/** Connects and resolves once connected; rejects with the server's refusal message. */
function connect(url: string, auth: Record<string, string>, origin?: string): Promise<Socket> {
  const socket = io(url, {
    parser: jsonParser,
    auth,
    forceNew: true,
    reconnection: false,
    timeout: 5000,
    ...(origin ? { extraHeaders: { origin } } : {}),
  });
  open.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.disconnect();
      reject(err);
    });
  });
}

export const connectVisitor = (baseUrl: string, appId: string, token: string, origin: string) => connect(`${baseUrl}/visitor`, { appId, token }, origin);

/** Connects an agent and waits for the server's `hello`. */
export async function connectAgent(baseUrl: string, token: string): Promise<{ socket: Socket; hello: Agent }> {
  const socket = io(`${baseUrl}/agent`, { parser: jsonParser, auth: { token }, forceNew: true, reconnection: false, timeout: 5000 });
  open.push(socket);
  const hello = await new Promise<Agent>((resolve, reject) => {
    socket.once('hello', resolve);
    socket.once('connect_error', reject);
  });
  return { socket, hello };
}

/** Emits and waits for the acknowledgement. */
export function ask<T = any>(socket: Socket, event: string, payload?: unknown): Promise<T> {
  return socket.timeout(5000).emitWithAck(event, payload) as Promise<T>;
}

/** Records every `event` the socket receives, in order. */
export function record<T = unknown>(socket: Socket, event: string): T[] {
  const seen: T[] = [];
  socket.on(event, (value: T) => seen.push(value));
  return seen;
}

/** Resolves with the first `event` matching `test`, or fails after a timeout. */
export function waitFor<T = unknown>(socket: Socket, event: string, test: (value: T) => boolean = () => true, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no matching "${event}" within ${ms} ms`));
    }, ms);
    const listener = (value: T) => {
      if (!test(value)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(value);
    };
    socket.on(event, listener);
  });
}

/** Lets in-flight broadcasts arrive before asserting that something did NOT arrive. */
export const settle = (ms = 150) => new Promise((resolve) => setTimeout(resolve, ms));

export const transcriptLine = (author: 'visitor' | 'bot', text: string) => ({ author, text, at: new Date().toISOString() });

export type { Message, Ticket };
