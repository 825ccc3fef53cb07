/*
 * .hd-root: the side is the host's choice of screen corner, so left/right are
 * physical, not mirrored with the language. The custom properties here are the
 * defaults; the host's theme (theme/theme.ts) replaces them in a later sheet.
 *
 * All widget styles, adopted by the shadow root as constructable stylesheets:
 * no <style> element and no style attribute, so `style-src 'self'` holds, and
 * nothing leaks into or out of the host page. Two sheets, because the launcher
 * ships before the panel: LAUNCHER_CSS with it, PANEL_CSS (panel/styles.ts)
 * with the panel, in its own module so that it never ships with the launcher.
 */
export const LAUNCHER_CSS = `
:host {
  all: initial !important;
  display: contents !important;
}
.hd-root {
  --hd-brand: #2457d6;
  --hd-brand-text: #ffffff;
  --hd-accent: #2457d6;
  --hd-bg: #ffffff;
  --hd-fg: #1b1f24;
  --hd-muted: #5c6670;
  --hd-border: #dde1e6;
  --hd-bubble: #f1f3f5;
  --hd-radius: 14px;
  --hd-font: system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", sans-serif;
  --hd-font-size: 14px;
  --hd-left: auto;
  --hd-right: 20px;
  --hd-justify: right;
  --hd-bottom: 20px;
  --hd-z: 2147483000;
  position: fixed;
  inset-block-end: calc(var(--hd-bottom) + env(safe-area-inset-bottom, 0px));
  left: var(--hd-left);
  right: var(--hd-right);
  z-index: var(--hd-z);
  display: grid;
  justify-items: var(--hd-justify);
  gap: 12px;
  font-family: var(--hd-font);
  font-size: var(--hd-font-size);
  line-height: 1.45;
  color: var(--hd-fg);
  text-align: start;
}
*, *::before, *::after { box-sizing: border-box; }
button, textarea, input { font: inherit; color: inherit; }
p { margin: 0; }
.hd-launcher {
  position: relative; width: 56px; height: 56px; border-radius: 50%; border: 0; cursor: pointer;
  display: grid; place-items: center;
  background: var(--hd-brand); color: var(--hd-brand-text);
  box-shadow: 0 6px 20px rgb(0 0 0 / 0.2);
}
.hd-launcher:focus-visible, .hd-panel button:focus-visible, .hd-input:focus-visible, summary:focus-visible, .hd-nudge button:focus-visible, .hd-panel a:focus-visible {
  outline: 3px solid var(--hd-accent);
  outline-offset: 2px;
}
.hd-visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
.hd-panel-slot { display: contents; }
.hd-launcher { position: relative; }
.hd-badge {
  position: absolute; inset-block-start: -4px; inset-inline-end: -4px;
  min-width: 20px; height: 20px; padding: 0 5px; border-radius: 10px;
  background: #d92d20; color: #fff; font-size: 12px; font-weight: 600; line-height: 20px; text-align: center;
}
.hd-badge[hidden] { display: none; }
.hd-launcher--labelled { width: auto; border-radius: 28px; padding-inline: 14px 22px; display: flex; gap: 8px; font-weight: 600; }
@media (forced-colors: active) { .hd-launcher { border: 1px solid CanvasText; } }
`;



/** Adopts a stylesheet. Returns false where constructable stylesheets are missing (old browsers). */
export function adoptStyles(root: ShadowRoot, css: string): boolean {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return true;
  } catch {
    return false;
  }
}
