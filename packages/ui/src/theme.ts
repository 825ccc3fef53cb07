import { checkTheme, themeStylesheet } from './theme/theme.ts';

/**
 * The host's theme as one stylesheet for the launcher's shadow root (tokens as
 * custom properties on `.hd-root`, light, dark or both), plus the problems it
 * refused. Unknown keys and invalid values are dropped, never injected.
 */
export function themeCss(theme: Record<string, unknown>): { css: string; rejected: string[] } {
  const { theme: valid, warnings } = checkTheme(theme);
  return { css: themeStylesheet(valid), rejected: warnings };
}
