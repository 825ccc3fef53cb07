export type { Namespace } from './bundles.ts';
export { changeLocale, createI18n } from './create.ts';
export type { CreateI18nOptions } from './create.ts';
export { direction, LOCALES, resolveLocale } from './locales.ts';
export type { Locale } from './locales.ts';
export { englishWidgetStrings, LAUNCHER_EN, loadStrings } from './strings.ts';
export type { Strings, Translate } from './strings.ts';
export { durationParts, formatDuration, formatRelative } from './time.ts';
export type { i18n as I18n } from 'i18next';
