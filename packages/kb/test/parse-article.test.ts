import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/index.ts';

const good = `---
id: ecs-restart-instance
locale: en
title: "Restart an instance: the safe way"
tags: [restart, reboot, "a, b"]
products:
  - ecs
  - vpc
errorCodes: [InvalidInstanceId.NotFound]
# comments are allowed
pages: []
---
Click **Restart**.

Wait for *Running*.
`;

function errorOf(source: string) {
  const r = parseArticle(source, 'en/broken.md');
  if (r.ok) throw new Error('expected the article to be refused');
  return r.error;
}

describe('parseArticle', () => {
  it('reads every front-matter shape and keeps the Markdown body', () => {
    const r = parseArticle(good, 'en/ecs-restart-instance.md');
    expect(r).toEqual({
      ok: true,
      article: {
        id: 'ecs-restart-instance',
        locale: 'en',
        title: 'Restart an instance: the safe way',
        tags: ['restart', 'reboot', 'a, b'],
        products: ['ecs', 'vpc'],
        errorCodes: ['InvalidInstanceId.NotFound'],
        pages: [],
        body: 'Click **Restart**.\n\nWait for *Running*.',
      },
    });
  });

  it('leaves optional lists out instead of inventing empty ones', () => {
    const r = parseArticle('---\nid: a\nlocale: en\ntitle: A\n---\nBody', 'a.md');
    expect(r.ok && r.article).toEqual({ id: 'a', locale: 'en', title: 'A', tags: [], products: [], body: 'Body' });
  });

  it('reads Windows line endings, a byte-order mark and Chinese text', () => {
    const src = '\uFEFF---\r\nid: cdn-purge-cache\r\nlocale: zh-CN\r\ntitle: 刷新或清除 CDN 缓存 🚀\r\ntags: [刷新, 缓存]\r\n---\r\n打开 **CDN → 刷新预热**。\r\n';
    const r = parseArticle(src, 'zh-CN/cdn-purge-cache.md');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.title).toBe('刷新或清除 CDN 缓存 🚀');
    expect(r.article.tags).toEqual(['刷新', '缓存']);
    expect(r.article.body).toBe('打开 **CDN → 刷新预热**。');
  });

  it.each([
    ['a file without front matter', '# Title\n\nBody', 1, /must start with a `---`/],
    ['front matter that is never closed', '---\nid: a\nlocale: en\ntitle: A\nBody', 1, /never closed/],
    ['a missing id', '---\nlocale: en\ntitle: A\n---\nBody', 1, /missing `id`/],
    ['a missing title', '---\nid: a\nlocale: en\n---\nBody', 1, /missing `title`/],
    ['an empty title', '---\nid: a\nlocale: en\ntitle: ""\n---\nBody', 4, /`title` is empty/],
    ['a title left blank', '---\nid: a\nlocale: en\ntitle:\n---\nBody', 4, /`title` is empty/],
    ['an unclosed list', '---\nid: a\nlocale: en\ntitle: A\ntags: [a, b\n---\nBody', 5, /missing its closing `]`/],
    ['a list with an empty item', '---\nid: a\nlocale: en\ntitle: A\ntags: [a, , b]\n---\nBody', 5, /empty item/],
    ['a list written as text', '---\nid: a\nlocale: en\ntitle: A\nproducts: ecs\n---\nBody', 5, /`products` must be a list/],
    ['a list item with no list above it', '---\nid: a\nlocale: en\ntitle: A\n- ecs\n---\nBody', 5, /must follow a `key:` line/],
    ['a title given as a list', '---\nid: a\nlocale: en\ntitle: [A, B]\n---\nBody', 4, /single value/],
    ['a line that is not key: value', '---\nid: a\nlocale: en\njust some words\ntitle: A\n---\nBody', 4, /expected `key: value`/],
    ['a nested map', '---\nid: a\nlocale: en\ntitle: A\nmeta:\n  author: x\n---\nBody', 6, /nested values/],
    ['a field set twice', '---\nid: a\nlocale: en\ntitle: A\nid: b\n---\nBody', 5, /set twice \(first on line 2\)/],
    ['a misspelled field', '---\nid: a\nlocale: en\ntitle: A\ntagz: [x]\n---\nBody', 5, /unknown field `tagz`/],
    ['an id with spaces', '---\nid: My Article\nlocale: en\ntitle: A\n---\nBody', 2, /`id` "My Article"/],
    ['a malformed locale', '---\nid: a\nlocale: English\ntitle: A\n---\nBody', 3, /not a locale tag/],
    ['an unclosed quote', '---\nid: a\nlocale: en\ntitle: "Restart\n---\nBody', 4, /unclosed " quote/],
    ['no body', '---\nid: a\nlocale: en\ntitle: A\n---\n\n  \n', 5, /no body/],
  ])('refuses %s, naming the file and line', (_, source, line, message) => {
    const error = errorOf(source);
    expect(error.file).toBe('en/broken.md');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it('never throws, whatever it is given', () => {
    for (const junk of ['', '---', '---\n---', '\u0000\u0000', '---\n:\n---\nx', null, undefined, 42]) {
      expect(() => parseArticle(junk as string, 'x.md')).not.toThrow();
      expect(parseArticle(junk as string, 'x.md').ok).toBe(false);
    }
  });
});

describe('article actions', () => {
  const head = '---\nid: cdn-purge\nlocale: en\ntitle: Purge\n';
  it('reads an action and the words on its button', () => {
    const r = parseArticle(`${head}action: cdn.purge\nactionLabel: "Purge the CDN cache for this domain"\n---\nBody.`, 'en/cdn-purge.md');
    expect(r).toMatchObject({ ok: true, article: { action: 'cdn.purge', actionLabel: 'Purge the CDN cache for this domain' } });
  });

  it('reports an action without a label, or a malformed name, with its line', () => {
    expect(parseArticle(`${head}action: cdn.purge\n---\nBody.`, 'a.md')).toMatchObject({ ok: false, error: { line: 5, message: expect.stringMatching(/actionLabel/) } });
    expect(parseArticle(`${head}action: "rm -rf"\nactionLabel: x\n---\nBody.`, 'a.md')).toMatchObject({ ok: false, error: { line: 5 } });
  });
});
