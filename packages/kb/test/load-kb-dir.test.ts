import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoKbDir, loadKbDir } from '../src/node.ts';

const article = (id: string, locale: string, title = `About ${id}`) =>
  `---\nid: ${id}\nlocale: ${locale}\ntitle: ${title}\ntags: [x]\nproducts: [ecs]\n---\nSome help about ${id}.\n`;

describe('loadKbDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'helpdock-kb-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the demo knowledge base without a single error', async () => {
    const { bundles, errors } = await loadKbDir(demoKbDir);
    expect(errors).toEqual([]);
    expect(Object.keys(bundles).sort()).toEqual(['en', 'ja', 'ko', 'zh-CN']);
    expect(bundles['en']?.version).toBe(1);
    const enIds = new Set(bundles['en']?.articles.map((a) => a.id));
    expect(enIds.size).toBeGreaterThanOrEqual(30);
    // Every article exists in every demo language.
    for (const locale of ['ja', 'ko', 'zh-CN']) expect(new Set(bundles[locale]?.articles.map((a) => a.id))).toEqual(enIds);
  });

  it('gives every demo article a 120–300 word body and links only to articles that exist', async () => {
    const { bundles } = await loadKbDir(demoKbDir);
    for (const bundle of Object.values(bundles)) {
      const ids = new Set(bundle.articles.map((a) => a.id));
      for (const a of bundle.articles) {
        for (const r of a.related ?? []) expect(ids.has(r), `${bundle.locale}/${a.id} → ${r}`).toBe(true);
        if (bundle.locale !== 'en') continue;
        const words = a.body.split(/\s+/).length;
        expect(words, a.id).toBeGreaterThanOrEqual(120);
        expect(words, a.id).toBeLessThanOrEqual(300);
      }
    }
  });

  it('reports a broken article with its file and line and still loads the rest', async () => {
    await mkdir(join(dir, 'en'));
    await writeFile(join(dir, 'en', 'good-one.md'), article('good-one', 'en'));
    await writeFile(join(dir, 'en', 'broken.md'), '---\nid: broken\nlocale: en\ntitle: Broken\ntags: [a, b\n---\nBody\n');
    await writeFile(join(dir, 'en', 'good-two.md'), article('good-two', 'en'));
    await writeFile(join(dir, 'en', 'notes.txt'), 'not an article');

    const { bundles, errors } = await loadKbDir(dir);
    expect(bundles['en']?.articles.map((a) => a.id)).toEqual(['good-one', 'good-two']);
    expect(errors).toEqual([{ file: join(dir, 'en', 'broken.md'), line: 5, message: expect.stringMatching(/tags.*closing `]`/) }]);
  });

  it('refuses an article whose id or locale does not match where it is stored', async () => {
    await mkdir(join(dir, 'zh-CN'));
    await writeFile(join(dir, 'zh-CN', 'renamed.md'), article('original-name', 'zh-CN'));
    await writeFile(join(dir, 'zh-CN', 'english.md'), article('english', 'en'));
    await writeFile(join(dir, 'zh-CN', 'ok.md'), article('ok', 'zh-CN', '可以'));

    const { bundles, errors } = await loadKbDir(dir);
    expect(bundles['zh-CN']?.articles.map((a) => a.id)).toEqual(['ok']);
    expect(errors).toEqual([
      { file: join(dir, 'zh-CN', 'english.md'), line: 3, message: 'locale "en" does not match its folder "zh-CN"' },
      { file: join(dir, 'zh-CN', 'renamed.md'), line: 2, message: 'id "original-name" does not match the file name "renamed.md"' },
    ]);
  });

  it('reports a missing folder as an error instead of throwing', async () => {
    const { bundles, errors } = await loadKbDir(join(dir, 'nope'));
    expect(bundles).toEqual({});
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/cannot read the knowledge base folder/);
  });
});
