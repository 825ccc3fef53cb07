import type { ComponentChildren } from 'preact';
import { useT } from '../i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The banner: product name, then whatever the view adds (connection, agent), then the language switch. */
export function TopBar(props: { children?: ComponentChildren }) {
  const t = useT();
  return (
    <header class="topbar">
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <p class="brand">{t('app.title')}</p>
      <div class="topbar-end">
        {props.children}
        <LanguageSwitch />
      </div>
    </header>
  );
}
