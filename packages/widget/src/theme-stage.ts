import { themeCss, type MountedLauncher } from '@helpdock/ui';
import type { Theme } from './api.ts';

// A question mark in a ring, as one path: the launcher draws it in place of the speech bubble.
const HELP = 'M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20zm0 2a8 8 0 1 1 0 16a8 8 0 1 1 0-16zm-.1 2.6a3.4 3.4 0 0 0-3.4 3.3h2a1.4 1.4 0 1 1 2 1.3c-1 .5-1.5 1.2-1.5 2.3v.6h2v-.5c0-.5.2-.8.7-1.1a3.4 3.4 0 0 0-1.8-5.9zM11 16v2h2v-2z';

/**
 * The host's theme on the launcher's shadow root: tokens checked, colours picked
 * by contrast, light/dark. Its own chunk, loaded only by pages that set a theme,
 * so the default launcher carries none of it.
 */
export function applyTheme(launcher: MountedLauncher, theme: Theme): void {
  const { css, rejected } = themeCss({ ...theme });
  if (rejected.length) console.warn(`[helpdock] theme: ignored ${rejected.join('; ')}`);
  launcher.setThemeCss(css);
  launcher.setLook({ iconPath: theme.launcherIcon === 'help' ? HELP : undefined, label: typeof theme.launcherLabel === 'string' ? theme.launcherLabel : undefined });
}
