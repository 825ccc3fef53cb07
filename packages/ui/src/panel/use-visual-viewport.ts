import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Keeps the panel's height equal to the visible viewport (`--hd-vvh`): when a
 * phone's on-screen keyboard opens, the composer stays above it instead of under it.
 * Written to an adopted stylesheet, never a style attribute, like every other style.
 */
export function useVisualViewport(panel: RefObject<HTMLElement>): void {
  useEffect(() => {
    const vv = typeof window === 'undefined' ? undefined : window.visualViewport;
    const root = panel.current?.getRootNode();
    if (!vv || !(root instanceof ShadowRoot) || typeof CSSStyleSheet === 'undefined') return;
    const sheet = new CSSStyleSheet();
    try {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      return;
    }
    const sync = () => sheet.replaceSync(`.hd-panel { --hd-vvh: ${Math.round(vv.height)}px; }`);
    sync();
    vv.addEventListener('resize', sync);
    return () => {
      vv.removeEventListener('resize', sync);
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, []);
}
