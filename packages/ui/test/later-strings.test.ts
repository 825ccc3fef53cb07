import { describe, expect, it } from 'vitest';

const SOURCES = import.meta.glob<string>(['../src/**/*.ts', '../src/**/*.tsx'], { query: '?raw', import: 'default', eager: true });
const later = import.meta.glob<Record<string, string>>('../../i18n/src/locales/en/widget-later.json', { import: 'default', eager: true })['../../i18n/src/locales/en/widget-later.json'] ?? {};

/**
 * The files that may read a later string: the views loaded through `lazyView(…, { later: true })`,
 * what only they render (an article's markdown), and the transcript's text, made after
 * TranscriptButton has loaded those strings.
 */
const MAY_READ_LATER = new Set([
  'panel/ArticleView.tsx',
  'panel/markdown.tsx',
  'panel/Intake.tsx',
  'panel/Diagnostics.tsx',
  'panel/ticket/RatingForm.tsx',
  'panel/ticket/Availability.tsx',
  'panel/tickets/EmailTranscript.tsx',
  'panel/tickets/PastTicketView.tsx',
  'panel/tickets/TicketList.tsx',
  'panel/tickets/transcript-text.ts',
]);

/** Whether a source names `key`, as a literal or as a template's prefix (`intake.ask.${field}`). */
function reads(source: string, key: string): boolean {
  const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
  if (source.includes(`'${base}'`) || source.includes(`\`${base}\``) || source.includes(`"${base}"`)) return true;
  return [...source.matchAll(/`([\w.]+)\.\$\{/g)].some((m) => base.startsWith(`${m[1]}.`));
}

describe('the strings that load later', () => {
  const files = Object.entries(SOURCES).map(([path, source]) => ({ name: path.slice('../src/'.length), source }));

  it('reads the later strings and the sources', () => {
    expect(Object.keys(later).length).toBeGreaterThan(20);
    expect(files.some((f) => f.name === 'panel/Panel.tsx')).toBe(true);
  });

  it('are read by no view on the open chat’s path (it would show a bare key)', () => {
    const misplaced = files.flatMap(({ name, source }) => (MAY_READ_LATER.has(name) ? [] : Object.keys(later).filter((key) => reads(source, key)).map((key) => `${name}: ${key}`)));
    expect(misplaced).toEqual([]);
  });

  it('are waited for by every view that reads them', () => {
    const views = [...MAY_READ_LATER].filter((f) => !/markdown|transcript-text/.test(f)).map((f) => `./${f.split('/').at(-1)}`);
    const waited = files.flatMap(({ source }) => [...source.matchAll(/lazyView\(\(\) => import\('([^']+)'\)[^\n]*\{ later: true \}\)/g)].map((m) => `./${(m[1] ?? '').split('/').at(-1)}`));
    expect(waited.sort()).toEqual(views.sort());
    expect(files.find((f) => f.name === 'panel/tickets/TranscriptButton.tsx')?.source).toContain('later.load()');
  });

  it('catches a misplaced key', () => {
    expect(reads("t('rating.question')", 'rating.question')).toBe(true);
    expect(reads('t(`intake.ask.${field}`)', 'intake.ask.region')).toBe(true);
    expect(reads("t('rating.questions')", 'rating.question')).toBe(false);
  });
});
