// Loaded on the first intent to open the chat: Preact, the panel and i18next stay out of the launcher's path.
import type { HelpdockCore } from '@helpdock/core';
import { changeLocale, createI18n } from '@helpdock/i18n';
import { mountPanel, type MountedLauncher } from '@helpdock/ui';

export interface StartedPanel {
  setLocale(locale: string, overrides: Record<string, Record<string, string>> | undefined): Promise<unknown>;
  unmount(): void;
}

export async function startPanel(options: {
  core: HelpdockCore;
  locale: string;
  overrides: Record<string, Record<string, string>> | undefined;
  launcher: MountedLauncher;
}): Promise<StartedPanel> {
  const i18n = await createI18n({ ns: 'widget', locale: options.locale, overrides: options.overrides });
  const panel = mountPanel({ core: options.core, i18n, launcher: options.launcher });
  return {
    async setLocale(locale, overrides) {
      // New overrides for a locale already loaded replace its strings; a fresh locale loads with them.
      for (const [lng, table] of Object.entries(overrides ?? {})) {
        if (i18n.hasResourceBundle(lng, 'widget')) i18n.addResourceBundle(lng, 'widget', table, true, true);
      }
      await changeLocale(i18n, locale, overrides);
    },
    unmount: () => panel.unmount(),
  };
}
