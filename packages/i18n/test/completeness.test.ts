import { describe, expect, it } from 'vitest';
import { LOCALES } from '../src/index.ts';

type Bundle = Record<string, string>;
const FILES = import.meta.glob<Bundle>('../src/locales/*/*.json', { eager: true, import: 'default' });
const read = (locale: string, ns: string): Bundle | null => FILES[`../src/locales/${locale}/${ns}.json`] ?? null;
const shipped = [...new Set(Object.keys(FILES).map((f) => f.split('/')[3]))];

const PLURAL = /_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? ''));
// Text left once placeholders, digits and punctuation are gone: nothing left means nothing to translate.
const words = (s: string) => s.replace(/\{\{\s*\w+\s*\}\}/g, '').replace(/[\p{P}\p{S}\p{N}\s]/gu, '');

/** The same word in English and this language, said on purpose (a brand, or a word both languages share). */
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  '*': ['author.system'],
  fr: ['log.label', 'composer.label', 'review.page', 'author.bot'],
  de: ['review.browser', 'timeline.status', 'intake.field.region'],
  es: ['review.plan', 'article.no', 'feedback.no'],
  'pt-BR': ['timeline.status'],
  id: ['timeline.status'],
};

function singleNumber(locale: string, category: string): boolean {
  const rules = new Intl.PluralRules(locale);
  let matches = 0;
  for (let n = 0; n <= 1000; n++) if (rules.select(n) === category) matches++;
  return matches === 1;
}

/** Keys of the English bundle, plural variants folded to their base with the categories English uses. */
function baseKeys(en: Bundle): Map<string, { plural: boolean; english: string }> {
  const keys = new Map<string, { plural: boolean; english: string }>();
  for (const [key, value] of Object.entries(en)) {
    const base = key.replace(PLURAL, '');
    if (base !== key) {
      if (key.endsWith('_other')) keys.set(base, { plural: true, english: value });
    } else keys.set(key, { plural: false, english: value });
  }
  return keys;
}

/** Every problem with one locale's bundle, as readable lines; empty when it is complete. */
export function problems(locale: string, ns: string, en: Bundle, bundle: Bundle): string[] {
  const out: string[] = [];
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const allowed = new Set([...(SAME_AS_ENGLISH['*'] ?? []), ...(SAME_AS_ENGLISH[locale] ?? [])]);
  const expected = new Set<string>();
  for (const [base, { plural, english }] of baseKeys(en)) {
    const variants = plural ? categories.map((c) => `${base}_${c}`) : [base];
    for (const key of variants) {
      expected.add(key);
      const value = bundle[key];
      if (typeof value !== 'string' || !value.trim()) {
        out.push(`${locale}/${ns}: missing "${key}"`);
        continue;
      }
      // A form that stands for one number only ("one" in Arabic, not in Russian, where it is also 21) may say it in words.
      const mayDrop = plural && singleNumber(locale, key.slice(base.length + 1)) ? new Set(['count']) : new Set<string>();
      const have = placeholders(value);
      for (const p of placeholders(english)) if (!have.has(p) && !mayDrop.has(p)) out.push(`${locale}/${ns}: "${key}" drops {{${p}}}`);
      for (const p of have) if (!placeholders(english).has(p)) out.push(`${locale}/${ns}: "${key}" has {{${p}}}, which is never passed`);
      const englishValue = en[key] ?? english;
      if (locale !== 'en' && value === englishValue && words(value) && !allowed.has(key)) out.push(`${locale}/${ns}: "${key}" is still English`);
    }
  }
  for (const key of Object.keys(bundle)) if (!expected.has(key)) out.push(`${locale}/${ns}: "${key}" is not an English key (stale or misspelt)`);
  return out;
}

describe('every locale says everything', () => {
  const en = { widget: read('en', 'widget'), later: read('en', 'widget-later'), agent: read('en', 'agent') };

  it('ships a folder for every locale and no other', () => {
    expect(shipped.sort()).toEqual([...LOCALES].sort());
  });

  it.each([...LOCALES])('%s: every widget key, translated, placeholders kept, plurals by the language’s rules', (locale) => {
    const bundle = read(locale, 'widget');
    expect(bundle, `${locale}/widget.json`).not.toBeNull();
    expect(problems(locale, 'widget', en.widget ?? {}, bundle ?? {})).toEqual([]);
  });

  it.each([...LOCALES])('%s: every key the widget shows later (widget-later.json), the same way', (locale) => {
    const bundle = read(locale, 'widget-later');
    expect(bundle, `${locale}/widget-later.json`).not.toBeNull();
    expect(problems(locale, 'widget-later', en.later ?? {}, bundle ?? {})).toEqual([]);
  });

  it('says each widget string in one of the two files, not both', () => {
    const twice = Object.keys(en.later ?? {}).filter((key) => key in (en.widget ?? {}));
    expect(twice).toEqual([]);
  });

  it.each(['en', 'zh-CN'])('%s: every agent console key', (locale) => {
    const bundle = read(locale, 'agent');
    expect(bundle).not.toBeNull();
    expect(problems(locale, 'agent', en.agent ?? {}, bundle ?? {})).toEqual([]);
  });

  it('catches a missing key, an English leftover, a dropped placeholder and a missing plural form', () => {
    const english = { 'a.x': 'Open {{count}} items', 'b.y': 'Close', 'c_one': '{{count}} file', 'c_other': '{{count}} files' };
    expect(problems('ru', 'widget', english, { 'b.y': 'Close', 'a.x': 'Открыть', 'c_one': 'файл', 'c_other': '{{count}} файла' })).toEqual([
      'ru/widget: "a.x" drops {{count}}',
      'ru/widget: "b.y" is still English',
      'ru/widget: missing "c_few"',
      'ru/widget: missing "c_many"',
      'ru/widget: "c_one" drops {{count}}',
    ]);
  });
});
