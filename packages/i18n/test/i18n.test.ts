import { describe, expect, it } from 'vitest';
import { changeLocale, createI18n, direction, formatDuration, formatRelative, LAUNCHER_EN, loadStrings, resolveLocale } from '../src/index.ts';
import { loadLaterStrings } from '../src/later.ts';

describe('resolveLocale', () => {
  it('maps what browsers send to a shipped locale', () => {
    expect(resolveLocale('zh')).toBe('zh-CN');
    expect(resolveLocale('zh-Hant-HK')).toBe('zh-TW');
    expect(resolveLocale('pt')).toBe('pt-BR');
    expect(resolveLocale('ja-JP')).toBe('ja');
    expect(resolveLocale('en-GB')).toBe('en');
  });
  it('falls back to English for unknown or malformed tags', () => {
    expect(resolveLocale('xx')).toBe('en');
    expect(resolveLocale('not a tag!!')).toBe('en');
    expect(resolveLocale(undefined)).toBe('en');
  });
  it('knows Arabic is right to left', () => {
    expect(direction('ar')).toBe('rtl');
    expect(direction('ja')).toBe('ltr');
  });
});

describe('createI18n', () => {
  it('applies host overrides and switches locale at run time', async () => {
    const i18n = await createI18n({ ns: 'widget', locale: 'en', overrides: { en: { 'x.test': 'Custom' }, 'zh-CN': { 'x.test': '自定义' } } });
    expect(i18n.t('x.test')).toBe('Custom');
    await changeLocale(i18n, 'zh', { 'zh-CN': { 'x.test': '自定义' } });
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('x.test')).toBe('自定义');
  });
});

describe('what a page in another language downloads', () => {
  it('only that language’s widget strings, not English’s as well; the host’s English-only strings still show', async () => {
    const zh = await createI18n({ ns: 'widget', locale: 'zh', overrides: { en: { 'x.only-en': 'English only' } } });
    expect(zh.t('launcher.open')).not.toBe('Open support chat');
    expect(zh.t('x.only-en')).toBe('English only');
    expect(zh.getResource('en', 'widget', 'launcher.open')).toBeUndefined();
  });

  it('fetches English’s strings when switched to English later, keeping the host’s English overrides', async () => {
    const ja = await createI18n({ ns: 'widget', locale: 'ja', overrides: { en: { 'launcher.open': 'Help' } } });
    await changeLocale(ja, 'en');
    expect(ja.t('panel.label')).toBe('Support chat');
    expect(ja.t('launcher.open')).toBe('Help');
  });

  it('English where the language has no strings of its own (the agent console in Japanese), also after a switch', async () => {
    const ja = await createI18n({ ns: 'agent', locale: 'ja' });
    expect(ja.t('connection.reconnecting')).toBe('Reconnecting…');
    const zh = await createI18n({ ns: 'agent', locale: 'zh-CN' });
    expect(zh.getResource('en', 'agent', 'connection.reconnecting')).toBeUndefined();
    await changeLocale(zh, 'ja');
    expect(zh.t('connection.reconnecting')).toBe('Reconnecting…');
  });
});

describe('the strings only some views show (widget-later.json)', () => {
  it('arrive on request, under the host’s overrides, and come along with every later switch', async () => {
    const i18n = await createI18n({ ns: 'widget', locale: 'fr', overrides: { fr: { 'rating.submit': 'Valider' } } });
    expect(i18n.exists('rating.question')).toBe(false);
    await loadLaterStrings(i18n);
    expect(i18n.t('rating.question')).not.toBe('rating.question');
    expect(i18n.t('rating.question')).not.toBe('How did we do?');
    expect(i18n.t('rating.submit')).toBe('Valider');
    await changeLocale(i18n, 'ja');
    expect(i18n.getResource('ja', 'widget', 'rating.question')).toEqual(expect.any(String));
    expect(i18n.t('rating.question')).not.toBe(i18n.getResource('fr', 'widget', 'rating.question'));
  });

  it('are not fetched by a switch before any view asked for them', async () => {
    const i18n = await createI18n({ ns: 'widget', locale: 'en' });
    await changeLocale(i18n, 'ko');
    expect(i18n.exists('rating.question')).toBe(false);
    expect(i18n.t('panel.label')).not.toBe('Support chat');
  });
});

describe('loadStrings (the launcher’s translator, without i18next)', () => {
  it('translates from the same bundles, with the host’s overrides and English as fallback', async () => {
    const zh = await loadStrings('zh', 'widget', { en: { 'x.only-en': 'English only' }, 'zh-CN': { 'launcher.open': '帮助' } });
    expect(zh.locale).toBe('zh-CN');
    expect(zh.t('launcher.open')).toBe('帮助');
    expect(zh.t('launcher.unread', { count: 3 })).toBe('3 条未读');
    expect(zh.t('x.only-en')).toBe('English only');
    expect(zh.t('no.such.key')).toBe('no.such.key');
  });
});

describe('the launcher’s built-in English', () => {
  it('says exactly what locales/en/widget.json says', async () => {
    const { default: en } = await import('../src/locales/en/widget.json');
    for (const [key, text] of Object.entries(LAUNCHER_EN)) expect([key, text]).toEqual([key, (en as Record<string, string>)[key]]);
  });
});

describe('time through Intl', () => {
  it('writes durations in the reader’s language, with or without Intl.DurationFormat', () => {
    expect(formatDuration(4 * 60_000, 'en', { native: false })).toBe('4 min');
    expect(formatDuration(125 * 60_000, 'ja', { native: false })).toBe('2 時間 5 分');
    expect(formatDuration(30_000, 'ru', { native: false })).toBe('30 с');
    expect(formatDuration(3 * 86_400_000, 'de', { native: false })).toBe('3 Tg.');
  });
  it('says how long ago or how soon', () => {
    expect(formatRelative(-3 * 60_000, 'en')).toBe('3 min. ago');
    expect(formatRelative(-3 * 60_000, 'zh-CN')).toBe('3分钟前');
    expect(formatRelative(2 * 3_600_000, 'fr')).toMatch(/^dans 2\s+h$/u);
    expect(formatRelative(-10_000, 'en')).toBe('now');
  });
});
