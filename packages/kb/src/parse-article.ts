import { readFrontMatter, type FieldValue } from './front-matter.ts';
import type { Article, ArticleError, ParseResult } from './types.ts';

const TEXT_FIELDS = ['id', 'locale', 'title'] as const;
const LIST_FIELDS = ['tags', 'products', 'pages', 'errorCodes', 'related'] as const;
const REQUIRED = new Set<string>(TEXT_FIELDS);
// An action the article offers as a button: its registered name and the button's words.
const OPTIONAL_TEXT_FIELDS = ['action', 'actionLabel'] as const;
const KNOWN = new Set<string>([...TEXT_FIELDS, ...LIST_FIELDS, ...OPTIONAL_TEXT_FIELDS]);
const ACTION = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** A parsed article plus where each front-matter field sits, for loaders that check more (file name, folder). */
export type DetailedParseResult =
  | { ok: true; article: Article; lines: Record<string, number> }
  | { ok: false; error: ArticleError };

/**
 * Reads one Markdown article with front matter. Never throws: a broken file
 * yields `{ ok: false, error: { file, line, message } }` so a loader can skip it
 * and keep the rest of the knowledge base.
 */
export function parseArticle(source: string, file: string): ParseResult {
  const r = parseArticleDetailed(source, file);
  return r.ok ? { ok: true, article: r.article } : r;
}

export function parseArticleDetailed(source: string, file: string): DetailedParseResult {
  const fail = (line: number, message: string): DetailedParseResult => ({ ok: false, error: { file, line, message } });
  if (typeof source !== 'string') return fail(0, 'article source is not text');

  const fm = readFrontMatter(source);
  if (!fm.ok) return fail(fm.line, fm.message);
  const { fields, closingLine, body } = fm.value;

  const lines: Record<string, number> = {};
  for (const [key, value] of fields) {
    if (!KNOWN.has(key)) return fail(value.line, `unknown field \`${key}\` (known: ${[...KNOWN].join(', ')})`);
    lines[key] = value.line;
  }
  for (const key of REQUIRED) {
    if (!fields.has(key)) return fail(1, `missing \`${key}\` in the front matter`);
  }

  const text: Record<string, string> = {};
  for (const key of TEXT_FIELDS) {
    const v = fields.get(key) as FieldValue;
    if (v.kind === 'list') {
      return fail(v.line, v.items.length ? `\`${key}\` must be a single value, not a list` : `\`${key}\` is empty`);
    }
    if (v.value.trim() === '') return fail(v.line, `\`${key}\` is empty`);
    text[key] = v.value.trim();
  }
  const id = text['id'] ?? '';
  const locale = text['locale'] ?? '';
  const title = text['title'] ?? '';
  if (!ID.test(id)) return fail(lines['id'] ?? 1, `\`id\` "${id}" may only use a-z, 0-9, ".", "_" and "-"`);
  if (!LOCALE.test(locale)) return fail(lines['locale'] ?? 1, `\`locale\` "${locale}" is not a locale tag like en or zh-CN`);

  const lists: Partial<Record<(typeof LIST_FIELDS)[number], string[]>> = {};
  for (const key of LIST_FIELDS) {
    const v = fields.get(key);
    if (!v) continue;
    if (v.kind === 'text') return fail(v.line, `\`${key}\` must be a list, e.g. \`${key}: [a, b]\``);
    lists[key] = v.items.map((s) => s.trim());
  }

  const optional: Partial<Record<(typeof OPTIONAL_TEXT_FIELDS)[number], string>> = {};
  for (const key of OPTIONAL_TEXT_FIELDS) {
    const v = fields.get(key);
    if (!v) continue;
    if (v.kind === 'list' || v.value.trim() === '') return fail(v.line, `\`${key}\` must be a single value`);
    optional[key] = v.value.trim();
  }
  if (optional.action && !ACTION.test(optional.action)) return fail(lines['action'] ?? 1, `\`action\` "${optional.action}" must be an action name like cdn.purge`);
  if (optional.action && !optional.actionLabel) return fail(lines['action'] ?? 1, '`action` needs an `actionLabel`: the words on its button');
  if (optional.actionLabel && !optional.action) return fail(lines['actionLabel'] ?? 1, '`actionLabel` needs an `action` to run');

  const content = body.trim();
  if (content === '') return fail(closingLine, 'the article has no body after its front matter');

  const article: Article = { id, locale, title, tags: lists.tags ?? [], products: lists.products ?? [], body: content };
  if (lists.pages) article.pages = lists.pages;
  if (lists.errorCodes) article.errorCodes = lists.errorCodes;
  if (lists.related) article.related = lists.related;
  if (optional.action && optional.actionLabel) {
    article.action = optional.action;
    article.actionLabel = optional.actionLabel;
  }
  return { ok: true, article, lines };
}
