import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as kb from '../src/index.ts';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Every file reachable from `entry` through relative imports. */
async function reachable(entry: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = await readFile(entry, 'utf8');
  for (const m of code.matchAll(/from '(\.[^']+)'/g)) await reachable(join(dirname(entry), m[1] ?? ''), seen);
  return seen;
}

describe('the main entry', () => {
  it('exports exactly the browser-safe API', () => {
    expect(Object.keys(kb).sort()).toEqual([
      'CATEGORIES',
      'DEFAULT_ANSWER_AT',
      'DEFAULT_SUGGEST_ABOVE',
      'HUMAN_REQUEST_PATTERNS',
      'PRODUCT_CATEGORIES',
      'answerFromKb',
      'articleForErrorCode',
      'asksForHuman',
      'categoryOfText',
      'classify',
      'createIndex',
      'decide',
      'matchesAny',
      'normalize',
      'parseArticle',
      'pickLocale',
      'plainParagraphs',
      'priorityOf',
      'rankForContext',
      'searchContextOf',
      'urgencyOf',
    ]);
  });

  it('runs in a page: no Node built-ins, no DOM, no packages', async () => {
    const files = await reachable(join(src, 'index.ts'));
    expect([...files].map((f) => f.slice(src.length)).sort()).not.toContain('node.ts');
    for (const file of files) {
      const code = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/from '(?!\.)/);
      expect(code, file).not.toMatch(/\b(?:process|Buffer|require|window|document|navigator|localStorage)\b/);
    }
  });
});
