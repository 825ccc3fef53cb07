/**
 * A deliberately tiny front-matter reader: YAML libraries weigh more than the
 * whole widget budget, and articles only need three shapes:
 *
 *   key: value          key: "quoted value"
 *   key: [a, b, "c, d"]
 *   key:
 *     - item
 *
 * Anything else is refused with the line it is on, so authors learn at load
 * time instead of shipping an article that silently lost a field.
 */

export type FieldValue =
  | { kind: 'text'; value: string; line: number }
  | { kind: 'list'; items: string[]; line: number };

export interface FrontMatter {
  fields: Map<string, FieldValue>;
  /** 1-based line of the closing `---`. */
  closingLine: number;
  body: string;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; line: number; message: string };

const KEY_LINE = /^([A-Za-z][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*))?[ \t]*$/;
const ITEM_LINE = /^[ \t]*-(?:[ \t]+(.*))?$/;
const FENCE = /^---[ \t]*$/;

export function readFrontMatter(source: string): FrontMatterResult {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return fail(1, 'an article must start with a `---` line that opens its front matter');
  }
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0) return fail(1, 'the front matter opened on line 1 is never closed with `---`');

  const fields = new Map<string, FieldValue>();
  let openList: Extract<FieldValue, { kind: 'list' }> | null = null;

  for (let i = 1; i < close; i++) {
    const text = lines[i] ?? '';
    const line = i + 1;
    if (text.trim() === '' || text.trimStart().startsWith('#')) continue;

    const item = ITEM_LINE.exec(text);
    if (item) {
      if (!openList) return fail(line, 'a `- item` line must follow a `key:` line that starts a list');
      const value = readScalar(item[1] ?? '');
      if (!value.ok) return fail(line, value.message);
      if (value.value === '') return fail(line, 'empty list item');
      openList.items.push(value.value);
      continue;
    }

    const kv = KEY_LINE.exec(text);
    if (!kv) {
      const hint = /^[ \t]/.test(text) ? ' (nested values are not supported)' : '';
      return fail(line, `expected \`key: value\`${hint}`);
    }
    const key = kv[1] ?? '';
    if (fields.has(key)) return fail(line, `\`${key}\` is set twice (first on line ${fields.get(key)?.line})`);
    const raw = (kv[2] ?? '').trim();
    openList = null;

    if (raw === '') {
      openList = { kind: 'list', items: [], line };
      fields.set(key, openList);
    } else if (raw.startsWith('[')) {
      const list = readFlowList(raw);
      if (!list.ok) return fail(line, `\`${key}\`: ${list.message}`);
      fields.set(key, { kind: 'list', items: list.items, line });
    } else {
      const value = readScalar(raw);
      if (!value.ok) return fail(line, `\`${key}\`: ${value.message}`);
      fields.set(key, { kind: 'text', value: value.value, line });
    }
  }

  return { ok: true, value: { fields, closingLine: close + 1, body: lines.slice(close + 1).join('\n') } };
}

function fail(line: number, message: string): FrontMatterResult {
  return { ok: false, line, message };
}

type Read<T> = ({ ok: true } & T) | { ok: false; message: string };

function readScalar(raw: string): Read<{ value: string }> {
  const s = raw.trim();
  const q = s[0];
  if (q === '"' || q === "'") {
    if (s.length < 2 || s[s.length - 1] !== q) return { ok: false, message: `unclosed ${q} quote` };
    const inner = s.slice(1, -1);
    return { ok: true, value: q === "'" ? inner.replaceAll("''", "'") : inner.replace(/\\(["\\])/g, '$1') };
  }
  // YAML comments start at ` #`; a `#` inside a word (C#, #hash) stays.
  return { ok: true, value: s.replace(/[ \t]+#.*$/, '') };
}

function readFlowList(raw: string): Read<{ items: string[] }> {
  if (!raw.endsWith(']')) return { ok: false, message: 'the list is missing its closing `]`' };
  const inner = raw.slice(1, -1);
  if (inner.trim() === '') return { ok: true, items: [] };

  const parts: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      parts.push(current);
      current = '';
    } else if (ch === '[' || ch === ']') {
      return { ok: false, message: 'nested lists are not supported' };
    } else {
      current += ch;
    }
  }
  if (quote) return { ok: false, message: `unclosed ${quote} quote` };
  parts.push(current);

  const items: string[] = [];
  for (const part of parts) {
    const value = readScalar(part);
    if (!value.ok) return value;
    if (value.value === '') return { ok: false, message: 'the list has an empty item' };
    items.push(value.value);
  }
  return { ok: true, items };
}
