import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp } from '../src/console.ts';
import { App } from '../src/views/App.tsx';
import { renderWithI18n } from './render.tsx';

/** A real HTTP endpoint on loopback answering logins the way the Helpdock server does. */
let server: Server;
let origin: string;
const received: unknown[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as { appId: string; email: string };
      received.push(body);
      res.setHeader('content-type', 'application/json');
      if (body.appId !== 'demo') {
        res.writeHead(404).end(JSON.stringify({ error: { code: 'unknown_app', message: `no app "${body.appId}"` } }));
      } else if (body.email.startsWith('crash@')) {
        res.writeHead(500).end(JSON.stringify({ error: { code: 'internal', message: 'database unavailable' } }));
      } else {
        res.writeHead(401).end(JSON.stringify({ error: { code: 'unauthorized', message: 'wrong e-mail or password' } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  cleanup();
  received.length = 0;
});

async function signIn(serverUrl: string, email: string, appId?: string) {
  const app = createConsoleApp({ server: serverUrl, storage: null });
  const view = await renderWithI18n(<App app={app} />);
  if (appId !== undefined) fireEvent.input(screen.getByLabelText('App ID'), { target: { value: appId } });
  fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: 'not-the-password' } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
  return view;
}

describe('login form', () => {
  it('says "Wrong e-mail or password" when the server refuses the credentials', async () => {
    await signIn(origin, 'ana@demo.helpdock.dev');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong e-mail or password');
    expect(received).toEqual([{ appId: 'demo', email: 'ana@demo.helpdock.dev', password: 'not-the-password' }]);
    // Still on the form, ready for another try.
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('not-the-password');
  });

  it('says the app ID is unknown when the server knows no such app', async () => {
    await signIn(origin, 'ana@demo.helpdock.dev', 'nope');
    expect((await screen.findByRole('alert')).textContent).toBe('Unknown app ID');
    expect(received).toEqual([expect.objectContaining({ appId: 'nope' })]);
  });

  it("shows the server's reason when the server fails", async () => {
    await signIn(origin, 'crash@demo.helpdock.dev');
    expect((await screen.findByRole('alert')).textContent).toBe('Something went wrong on the server — database unavailable');
  });

  it('says so when the server cannot be reached', async () => {
    await signIn('http://127.0.0.1:9', 'ana@demo.helpdock.dev');
    expect((await screen.findByRole('alert', {}, { timeout: 5000 })).textContent).toBe('Cannot reach the server');
  });

  it('switches the form and the shown error to Chinese', async () => {
    await signIn(origin, 'ana@demo.helpdock.dev');
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('邮箱或密码错误'));
    expect(screen.getByLabelText('电子邮箱')).toBeTruthy();
    expect(screen.getByRole('button', { name: '登录' })).toBeTruthy();
  });
});
