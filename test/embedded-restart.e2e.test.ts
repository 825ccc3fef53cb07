import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '@helpdock/protocol';
import { io } from 'socket.io-client';
import * as jsonParser from 'socket.io-json-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { startNode, type NodeProcess } from './helpers/node-process.ts';
import { serverMessages, until, visitorCore } from './helpers/visitor-core.ts';

const COUNT = 60;

/*
 * The embedded store (PGlite in a data folder), killed with SIGKILL in the
 * middle of a stream of messages and started again on the same folder: every
 * acknowledged message is still there, the folder opens cleanly, the widget's
 * unacknowledged messages arrive once, and a clean restart afterwards agrees.
 */
describe('the embedded store across a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'helpdock-embedded-'));
  let node: NodeProcess;
  afterAll(async () => {
    await node?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses no acknowledged message and no folder after kill -9, and the widget catches up', async () => {
    const apps = join(dir, 'apps.json');
    writeFileSync(apps, JSON.stringify([{ id: 'acme', allowedOrigins: ['*'], agents: [{ email: 'ana@acme.test', name: 'Ana', password: 'embedded-pass' }] }]));
    node = await startNode({ HELPDOCK_DATA_DIR: join(dir, 'data'), HELPDOCK_APPS_FILE: apps, HELPDOCK_RATE_LIMITS: 'off' });
    const core = visitorCore(node.url, 'acme');
    core.requestHuman();
    await until(core, (s) => s.ticket !== null && s.connection === 'online');

    let ackedBeforeCrash: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      core.sendMessage(`m${i}`);
      if (i === COUNT / 2) {
        ackedBeforeCrash = serverMessages(core.store.getState().messages).map((m) => m.id);
        await node.kill('SIGKILL');
        await node.start();
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const want = Array.from({ length: COUNT }, (_, i) => `m${i}`);
    await until(core, (s) => s.outbox.length === 0 && want.every((t) => serverMessages(s.messages).some((m) => m.text === t)), 30_000);
    expect(ackedBeforeCrash.length).toBeGreaterThan(5);

    const storedNow = async () => {
      const login = await fetch(`${node.url}/api/v1/agent/login`, { method: 'POST', body: JSON.stringify({ appId: 'acme', email: 'ana@acme.test', password: 'embedded-pass' }) });
      const { token } = (await login.json()) as { token: string };
      const agent = io(`${node.url}/agent`, { parser: jsonParser, auth: { token }, transports: ['websocket'], forceNew: true });
      await new Promise((r) => agent.once('hello', r));
      const opened = await agent.emitWithAck('ticket:open', { ticketId: core.store.getState().ticket!.id });
      agent.disconnect();
      return opened.messages as Message[];
    };
    const stored = await storedNow();
    const ids = new Set(stored.map((m) => m.id));
    for (const id of ackedBeforeCrash) expect(ids.has(id), `acknowledged message ${id} survived`).toBe(true);
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    expect(stored.filter((m) => m.author === 'visitor').map((m) => m.text).filter((t) => /^m\d+$/.test(t))).toEqual(want);

    // A clean stop and start reads the same folder back identically.
    expect(await node.kill('SIGTERM')).toBe(0);
    await node.start();
    expect(await storedNow()).toEqual(stored);
    core.destroy();
  }, 120_000);
});
