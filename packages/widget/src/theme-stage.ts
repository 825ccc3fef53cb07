import { themeCss, type MountedLauncher } from '@helpdock/ui';
import type { Theme } from './api.ts';

/**
 * The host's theme on the launcher's shadow root: tokens checked, colours picked
 * by contrast, light/dark. Its own chunk, loaded only by pages that set a theme,
 * so the default launcher carries none of it.
 */
export function applyTheme(launcher: MountedLauncher, theme: Theme): void {
  const { css, rejected } = themeCss({ ...theme });
  if (rejected.length) console.warn(`[helpdock] theme: ignored ${rejected.join('; ')}`);
  launcher.setThemeCss(css);
  launcher.setLook({ icon: theme.launcherIcon, label: typeof theme.launcherLabel === 'string' ? theme.launcherLabel : undefined });
}
