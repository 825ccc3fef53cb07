import type { HelpdockCore } from '@helpdock/core';
import { adoptStyles, LAUNCHER_CSS } from './styles.ts';

export const HOST_ID = 'helpdock-root';

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** What the launcher reads from the core: whether the chat is open, a nudge to show, and the toggle. */
export type LauncherCore = Pick<HelpdockCore, 'store' | 'toggle'>;

export interface LauncherOptions {
  /** Omitted, the launcher paints closed at once and waits for `attach` (a click meanwhile opens the chat then). */
  core?: LauncherCore | undefined;
  t: Translate;
  /** The resolved locale, for `lang` and `dir`. */
  locale: string;
  dir: 'ltr' | 'rtl';
  /** Called on the first sign the user wants the chat (hover, focus, the chat opening, or a nudge to show): load the panel. */
  onIntent(): void;
  /** @default document */
  document?: Document;
}

export interface MountedLauncher {
  /** The open shadow root everything renders into. */
  readonly shadowRoot: ShadowRoot;
  /** Where the panel renders (display: contents, so it takes no room while empty). */
  readonly panelSlot: HTMLElement;
  readonly button: HTMLButtonElement;
  /** True while the chat is open because a reload restored it, not because the user opened it: the panel then leaves focus alone. */
  readonly restoredOpen: boolean;
  /** The core, once its chunk has loaded (for a launcher mounted without one). */
  attach(core: LauncherCore): void;
  /** New strings after a locale switch. */
  retranslate(t: Translate, locale: string, dir: 'ltr' | 'rtl'): void;
  setUnread(count: number): void;
  /** Replaces the host's theme rule (an empty string removes it). */
  setThemeCss(css: string): void;
  /** The theme's launcher icon and visible label. */
  setLook(look: LauncherLook): void;
  unmount(): void;
}

/** From the theme: `launcherIcon` and `launcherLabel`. */
export interface LauncherLook {
  /** An SVG path in a 24 × 24 box, filled with the text colour, for the closed launcher. @default a speech bubble */
  iconPath?: string | undefined;
  label?: string | undefined;
}

const SVG = 'http://www.w3.org/2000/svg';

function icon(doc: Document, open: boolean, closedPath = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z'): SVGSVGElement {
  // Presentation attributes only: no style attributes, so a strict style-src CSP holds.
  const svg = doc.createElementNS(SVG, 'svg');
  const size = open ? '22' : '26';
  for (const [k, v] of [['viewBox', '0 0 24 24'], ['width', size], ['height', size], ['aria-hidden', 'true'], ['focusable', 'false']]) svg.setAttribute(k!, v!);
  const path = doc.createElementNS(SVG, 'path');
  if (open) {
    for (const [k, v] of [['fill', 'none'], ['stroke', 'currentColor'], ['stroke-width', '2.4'], ['stroke-linecap', 'round'], ['d', 'M6 6l12 12M18 6L6 18']]) path.setAttribute(k!, v!);
  } else {
    path.setAttribute('fill', 'currentColor');
    path.setAttribute('d', closedPath);
  }
  svg.append(path);
  return svg;
}

/**
 * The launcher in plain DOM: what shows before anything else loads, so it
 * carries no framework. An open shadow root on `<div id="helpdock-root">`
 * appended to the body; the host page's styles and DOM are otherwise untouched.
 */
export function mountLauncher(options: LauncherOptions): MountedLauncher {
  let core = options.core ?? null;
  // Clicked before the core arrived: the chat opens as soon as it does.
  let clicked = false;
  const doc = options.document ?? document;
  let t = options.t;
  let unread = 0;
  const host = doc.createElement('div');
  host.id = HOST_ID;
  const shadowRoot = host.attachShadow({ mode: 'open' });
  adoptStyles(shadowRoot, LAUNCHER_CSS);
  let themeSheet: CSSStyleSheet | null = null;

  const root = doc.createElement('div');
  root.className = 'hd-root';
  const panelSlot = doc.createElement('div');
  panelSlot.className = 'hd-panel-slot';
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'hd-launcher';
  const badge = doc.createElement('span');
  badge.className = 'hd-badge';
  badge.setAttribute('aria-hidden', 'true');
  root.append(panelSlot, button);
  shadowRoot.append(root);

  let look: LauncherLook = {};
  const labelEl = doc.createElement('span');
  labelEl.setAttribute('aria-hidden', 'true');
  let shownOpen: boolean | null = null;
  const state = () => core?.store.getState() ?? { open: false, nudge: null };
  let restoredOpen = state().open;
  const render = () => {
    const { open, nudge } = state();
    if (!open) restoredOpen = false;
    // The nudge renders with the panel's code, which stays off the launcher's path until it is needed.
    if (nudge) options.onIntent();
    if (open !== shownOpen) {
      shownOpen = open;
      const labelled = !open && !!look.label;
      labelEl.textContent = look.label ?? '';
      button.className = labelled ? 'hd-launcher hd-launcher--labelled' : 'hd-launcher';
      button.replaceChildren(icon(doc, open, look.iconPath), ...(labelled ? [labelEl] : []), badge);
      button.setAttribute('aria-expanded', String(open));
      if (open) button.setAttribute('aria-controls', 'hd-panel');
      else button.removeAttribute('aria-controls');
      if (open) options.onIntent();
    }
    const label = t(open ? 'launcher.close' : 'launcher.open');
    button.setAttribute('aria-label', unread && !open ? `${label}, ${t('launcher.unread', { count: unread })}` : label);
    badge.textContent = String(unread);
    badge.hidden = open || unread === 0;
  };
  const setLocale = (locale: string, dir: 'ltr' | 'rtl') => {
    root.lang = locale;
    root.dir = dir;
  };

  setLocale(options.locale, options.dir);
  render();
  let stop = core?.store.subscribe(render);
  const onClick = () => {
    if (core) core.toggle();
    else {
      clicked = true;
      options.onIntent();
    }
  };
  const onIntent = () => options.onIntent();
  button.addEventListener('click', onClick);
  button.addEventListener('pointerenter', onIntent);
  button.addEventListener('focus', onIntent);
  doc.body.append(host);

  return {
    shadowRoot,
    panelSlot,
    button,
    get restoredOpen() {
      return restoredOpen;
    },
    attach(next) {
      stop?.();
      core = next;
      restoredOpen = state().open;
      stop = next.store.subscribe(render);
      render();
      if (clicked && !state().open) next.toggle();
      clicked = false;
    },
    retranslate(next, locale, dir) {
      t = next;
      setLocale(locale, dir);
      render();
    },
    setUnread(count) {
      unread = count;
      render();
    },
    setLook(next) {
      look = next;
      shownOpen = null;
      render();
    },
    setThemeCss(css) {
      const sheets = shadowRoot.adoptedStyleSheets.filter((s) => s !== themeSheet);
      themeSheet = null;
      if (css) {
        try {
          themeSheet = new CSSStyleSheet();
          themeSheet.replaceSync(css);
          sheets.push(themeSheet);
        } catch {
          themeSheet = null;
        }
      }
      shadowRoot.adoptedStyleSheets = sheets;
    },
    unmount() {
      stop?.();
      button.removeEventListener('click', onClick);
      button.removeEventListener('pointerenter', onIntent);
      button.removeEventListener('focus', onIntent);
      host.remove();
    },
  };
}
