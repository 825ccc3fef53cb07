import { themeStylesheet, type Theme } from './theme.ts';

/**
 * Applies a theme to a shadow root as its own constructable stylesheet, placed
 * after the base styles and replaced on every call: `update({ theme })` restyles live.
 */
export function applyTheme(root: ShadowRoot, theme: Theme): void {
  try {
    const sheets = root.adoptedStyleSheets;
    const existing = themeSheets.get(root);
    const sheet = existing ?? new CSSStyleSheet();
    sheet.replaceSync(themeStylesheet(theme));
    if (!existing) {
      themeSheets.set(root, sheet);
      root.adoptedStyleSheets = [...sheets, sheet];
    }
  } catch {
    // Old browsers without constructable stylesheets keep the defaults.
  }
}

const themeSheets = new WeakMap<ShadowRoot, CSSStyleSheet>();
