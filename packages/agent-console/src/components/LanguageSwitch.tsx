import { useLocale, useT } from '../i18n.tsx';
import { CONSOLE_LOCALES, type ConsoleLocale } from '../locale.ts';

// Each language is named in itself, so it can be found whatever the current language is.
const NAMES: Record<ConsoleLocale, string> = { en: 'en', 'zh-CN': '中文' };

export function LanguageSwitch() {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div class="lang" role="group" aria-label={t('language.label')}>
      {CONSOLE_LOCALES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={locale.value === l} onClick={() => void setLocale(l)}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
