import { contrastRatio, ensureContrast, mostReadable, parseHex, toHex, type Rgb } from './contrast.ts';

/** Look and placement of the widget, set by the host in config (`theme`) or live with `Helpdock('update', { theme })`. */
export interface Theme {
  /** Header, launcher and the visitor's bubbles. Text on it is picked by contrast. @default accent, else '#2457d6' */
  brand?: string;
  /** Links, chips and focus rings (and the brand colour when `brand` is not set); made darker or lighter where needed to stay readable. @default brand */
  accent?: string;
  /** Text on the brand colour; kept only if it reads at 4.5:1 there, else near-black or white is picked. */
  accentText?: string;
  /** Panel background. @default '#ffffff' light, '#16191d' dark */
  background?: string;
  /** Body text. @default '#1b1f24' light, '#e8eaed' dark */
  text?: string;
  /** Secondary text. @default '#5c6670' light, '#a3acb5' dark */
  mutedText?: string;
  /** Corner radius of the panel, in px (a number, or a string such as `'8px'`). @default 14 */
  radius?: number | string;
  /** @default system-ui stack with CJK fallbacks */
  fontFamily?: string;
  /** Base font size in px (inputs never go below 16 px on phones, so they do not zoom). @default 14 */
  fontSize?: number;
  /** Corner of the screen for the launcher and panel. @default 'bottom-right' */
  position?: 'bottom-right' | 'bottom-left';
  /** Distance from the side edge, px. @default 20 */
  offsetX?: number;
  /** Distance from the bottom edge, px. @default 20 */
  offsetY?: number;
  /** Launcher icon. @default 'chat' */
  launcherIcon?: 'chat' | 'help';
  /** A visible text label beside the launcher icon (its accessible name stays "Open support chat" unless set). */
  launcherLabel?: string;
  /** Panel size on larger screens, px. Phones get the full screen. @default 380 × 600 */
  panelWidth?: number;
  panelHeight?: number;
  /** @default 2147483000 */
  zIndex?: number;
  /** @default 'light' */
  mode?: 'light' | 'dark' | 'system';
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", sans-serif';

const PALETTES = {
  light: { bg: '#ffffff', fg: '#1b1f24', muted: '#5c6670', border: '#dde1e6', bubble: '#f1f3f5', warn: '#fff4e5', error: '#fdecea', ok: '#e7f6ec', danger: '#b42318' },
  dark: { bg: '#16191d', fg: '#e8eaed', muted: '#a3acb5', border: '#39414a', bubble: '#252a31', warn: '#3a2e12', error: '#45201d', ok: '#173524', danger: '#ff8a80' },
} as const;

const WHITE: Rgb = [255, 255, 255];
const INK: Rgb = [17, 20, 24];

const px = (n: number | undefined, fallback: number, min = 0, max = 4000) =>
  `${typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback}px`;

/**
 * The theme as CSS custom properties for one colour scheme. Pure: any caller
 * (the panel, a plain-DOM launcher) can set them on its root. Colours that are
 * not `#rgb`/`#rrggbb` fall back to the defaults (see `checkTheme` for the warning).
 */
export function themeToCss(theme: Theme = {}, scheme: 'light' | 'dark' = 'light'): Record<string, string> {
  const p = { ...PALETTES[scheme], ...(parseHex(theme.background ?? '') ? { bg: theme.background! } : {}) };
  const brand = parseHex(theme.brand ?? '') ?? parseHex(theme.accent ?? '') ?? parseHex('#2457d6')!;
  const accent = parseHex(theme.accent ?? '') ?? brand;
  const brandText = parseHex(theme.accentText ?? '');
  const fg = parseHex(theme.text ?? '') ?? parseHex(p.fg)!;
  const muted = parseHex(theme.mutedText ?? '') ?? parseHex(p.muted)!;
  const away = scheme === 'dark' ? WHITE : INK;
  // Text sits on the panel, on message bubbles and on notices: it must read at 4.5:1 on each of them.
  const surfaces = [p.bg, p.bubble, p.warn, p.error, p.ok].map((c) => parseHex(c)!);
  const readable = (c: Rgb) => toHex(surfaces.reduce((acc, s) => ensureContrast(acc, s, 4.5, away), c));
  const side = theme.position === 'bottom-left' ? 'left' : 'right';
  const offsetX = px(theme.offsetX, 20, 0, 400);
  return {
    '--hd-brand': toHex(brand),
    '--hd-brand-text': toHex(brandText && contrastRatio(brandText, brand) >= 4.5 ? brandText : mostReadable(brand, [WHITE, INK])),
    // Text-coloured uses of the accent (links, chips) must read at 4.5:1 on the panel's background.
    '--hd-accent': readable(accent),
    '--hd-bg': toHex(parseHex(p.bg)!),
    '--hd-fg': readable(fg),
    '--hd-muted': readable(muted),
    '--hd-border': p.border,
    '--hd-bubble': p.bubble,
    '--hd-warn-bg': p.warn,
    '--hd-error-bg': p.error,
    '--hd-ok-bg': p.ok,
    '--hd-danger': p.danger,
    '--hd-radius': px(typeof theme.radius === 'string' ? parseFloat(theme.radius) : theme.radius, 14, 0, 40),
    '--hd-font': typeof theme.fontFamily === 'string' && theme.fontFamily.trim() ? `${theme.fontFamily}, ${FONT}` : FONT,
    '--hd-font-size': px(theme.fontSize, 14, 11, 22),
    '--hd-left': side === 'left' ? offsetX : 'auto',
    '--hd-right': side === 'right' ? offsetX : 'auto',
    '--hd-justify': side,
    '--hd-bottom': px(theme.offsetY, 20, 0, 400),
    '--hd-panel-width': px(theme.panelWidth, 380, 280, 720),
    '--hd-panel-height': px(theme.panelHeight, 600, 320, 1000),
    '--hd-z': String(typeof theme.zIndex === 'number' && Number.isInteger(theme.zIndex) ? theme.zIndex : 2147483000),
    'color-scheme': scheme,
  };
}

const declarations = (vars: Record<string, string>) =>
  Object.entries(vars)
    .map(([k, v]) => `${k}: ${v.replace(/[;{}<>]/g, '')};`)
    .join(' ');

/** The stylesheet text for a theme, following the system's scheme when `mode` is 'system'. */
export function themeStylesheet(theme: Theme = {}): string {
  const mode = theme.mode ?? 'light';
  if (mode !== 'system') return `.hd-root { ${declarations(themeToCss(theme, mode))} }`;
  return `.hd-root { ${declarations(themeToCss(theme, 'light'))} }\n@media (prefers-color-scheme: dark) { .hd-root { ${declarations(themeToCss(theme, 'dark'))} } }`;
}

const COLOR_KEYS = ['brand', 'accent', 'accentText', 'background', 'text', 'mutedText'] as const;
const NUMBER_KEYS = ['fontSize', 'offsetX', 'offsetY', 'panelWidth', 'panelHeight', 'zIndex'] as const;

/** Keeps what is valid of a host's theme and says what was not, so one typo never costs the whole theme. */
export function checkTheme(input: unknown): { theme: Theme; warnings: string[] } {
  const warnings: string[] = [];
  if (input === undefined) return { theme: {}, warnings };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { theme: {}, warnings: ['theme must be an object'] };
  const raw = input as Record<string, unknown>;
  const theme: Record<string, unknown> = {};
  for (const k of COLOR_KEYS) {
    if (raw[k] === undefined) continue;
    if (typeof raw[k] === 'string' && parseHex(raw[k])) theme[k] = raw[k];
    else warnings.push(`theme.${k} must be a #rgb or #rrggbb colour`);
  }
  for (const k of NUMBER_KEYS) {
    if (raw[k] === undefined) continue;
    if (typeof raw[k] === 'number' && Number.isFinite(raw[k])) theme[k] = raw[k];
    else warnings.push(`theme.${k} must be a number`);
  }
  if (raw['radius'] !== undefined) {
    if ((typeof raw['radius'] === 'number' && Number.isFinite(raw['radius'])) || (typeof raw['radius'] === 'string' && /^\d+(\.\d+)?(px)?$/.test(raw['radius']))) theme['radius'] = raw['radius'];
    else warnings.push('theme.radius must be a number of px');
  }
  const oneOf = (k: string, allowed: readonly string[]) => {
    if (raw[k] === undefined) return;
    if (typeof raw[k] === 'string' && allowed.includes(raw[k])) theme[k] = raw[k];
    else warnings.push(`theme.${k} must be one of ${allowed.join(', ')}`);
  };
  oneOf('position', ['bottom-right', 'bottom-left']);
  oneOf('launcherIcon', ['chat', 'help']);
  oneOf('mode', ['light', 'dark', 'system']);
  for (const k of ['fontFamily', 'launcherLabel'] as const) {
    if (raw[k] === undefined) continue;
    if (typeof raw[k] === 'string') theme[k] = raw[k];
    else warnings.push(`theme.${k} must be a string`);
  }
  for (const k of Object.keys(raw)) if (!(k in theme) && !warnings.some((w) => w.startsWith(`theme.${k} `))) warnings.push(`theme.${k} is not a theme option`);
  return { theme: theme as Theme, warnings };
}

