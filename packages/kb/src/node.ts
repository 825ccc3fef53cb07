import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArticleDetailed } from './parse-article.ts';
import type { Article, ArticleError, KbBundle } from './types.ts';

/**
 * The demo knowledge base shipped with this package (`demo/<locale>/<id>.md`).
 * Resolved from this module's own location, which is `src/` or `dist/`: both sit beside `demo/`.
 */
export const demoKbDir: string = fileURLToPath(new URL(/* @vite-ignore */ '../demo', import.meta.url));

export interface LoadedKb {
  bundles: Record<string, KbBundle>;
  errors: ArticleError[];
}

/**
 * Reads `<dir>/<locale>/*.md` into one bundle per locale. A broken article is
 * reported in `errors` (file and line) and left out; the others still load.
 * Each file must be named after its id and sit in the folder of its locale, so
 * an id is unique per locale and an article cannot ship under the wrong language.
 */
export async function loadKbDir(dir: string): Promise<LoadedKb> {
  const bundles: Record<string, KbBundle> = {};
  const errors: ArticleError[] = [];

  let locales: string[];
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    locales = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  } catch (err) {
    return { bundles, errors: [{ file: dir, line: 0, message: `cannot read the knowledge base folder: ${reason(err)}` }] };
  }

  for (const locale of locales) {
    const localeDir = join(dir, locale);
    const names = (await readdir(localeDir)).filter((f) => f.endsWith('.md')).sort();
    const articles: Article[] = [];

    for (const name of names) {
      const file = join(localeDir, name);
      let source: string;
      try {
        source = await readFile(file, 'utf8');
      } catch (err) {
        errors.push({ file, line: 0, message: `cannot read the file: ${reason(err)}` });
        continue;
      }
      const r = parseArticleDetailed(source, file);
      if (!r.ok) {
        errors.push(r.error);
        continue;
      }
      const { article, lines } = r;
      const expected = basename(name, '.md');
      if (article.id !== expected) {
        errors.push({ file, line: lines['id'] ?? 1, message: `id "${article.id}" does not match the file name "${expected}.md"` });
      } else if (article.locale !== locale) {
        errors.push({ file, line: lines['locale'] ?? 1, message: `locale "${article.locale}" does not match its folder "${locale}"` });
      } else {
        articles.push(article);
      }
    }
    bundles[locale] = { version: 1, locale, articles };
  }
  return { bundles, errors };
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
