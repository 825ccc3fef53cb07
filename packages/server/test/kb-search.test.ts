import { rm } from 'node:fs/promises';
import { createIndex, type Article } from '@helpdock/kb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/db.ts';
import { openDb } from '../src/db/open.ts';
import { createKbSearch } from '../src/http/kb-search.ts';
import { silentLogger } from '../src/log.ts';
import { recordFeedback, replaceArticles } from '../src/store/kb.ts';
import { newDataDir } from './support/server.ts';

const article = (id: string, title: string, body: string): Article => ({ id, locale: 'en', title, tags: [], products: ['ecs'], body });
const page = { url: 'https://console.example/ecs' };

let root: string;
let db: Db;
beforeAll(async () => {
  root = await newDataDir();
  db = await openDb({ dataDir: root, logger: silentLogger });
  await db.query("INSERT INTO apps (id, name) VALUES ('kbapp', 'KB app')");
  await db.transaction((tx) => replaceArticles(tx, 'kbapp', [article('restart', 'Restart an instance', 'Choose Restart.'), article('resize', 'Resize an instance', 'Stop it first.')]));
}, 60_000);
afterAll(async () => {
  await db?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the server’s KB indexes', () => {
  it('builds an index again only when the articles changed, whatever the time since', async () => {
    let builds = 0;
    // ttlMs 0: every search asks the store whether the articles changed.
    const kb = createKbSearch(db, { ttlMs: 0, build: (a) => (builds++, createIndex(a)) });
    const ask = async (text: string) => kb.answer('kbapp', { text, locale: 'en', context: page });
    expect(await ask('restart my instance')).toMatchObject({ kind: 'answer', article: { id: 'restart' } });
    await ask('resize my instance');
    await kb.search('kbapp', { q: 'restart', locale: 'en', limit: 5, context: page });
    expect(builds).toBe(1);

    // Another node started with a new KB: the next search sees it.
    await db.transaction((tx) => replaceArticles(tx, 'kbapp', [article('restart', 'Reboot a server', 'Choose Reboot.'), article('snapshot', 'Take a snapshot', 'Open Disks.')]));
    expect(await ask('take a snapshot of my disk')).toMatchObject({ kind: 'answer', article: { id: 'snapshot' } });
    expect(builds).toBe(2);
    expect(await ask('resize my instance')).not.toMatchObject({ article: { id: 'resize' } });
    expect(builds).toBe(2);
  });

  it('reads the popular articles again after feedback, without a new index', async () => {
    let builds = 0;
    const kb = createKbSearch(db, { build: (a) => (builds++, createIndex(a)) });
    const forContext = async () => (await kb.search('kbapp', { q: '', locale: 'en', limit: 5, context: { url: 'about:blank' } })).articles.map((a) => a.id);
    await forContext();
    await recordFeedback(db, 'kbapp', { articleId: 'snapshot', locale: 'en', helpful: true });
    kb.invalidate('kbapp');
    expect((await forContext())[0]).toBe('snapshot');
    expect(builds).toBe(1);
  });

  it('shares one refresh between questions asked at once', async () => {
    let builds = 0;
    const kb = createKbSearch(db, { ttlMs: 0, build: (a) => (builds++, createIndex(a)) });
    await Promise.all(Array.from({ length: 10 }, () => kb.answer('kbapp', { text: 'snapshot', locale: 'en', context: page })));
    expect(builds).toBe(1);
  });
});
