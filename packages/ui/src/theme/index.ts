export { contrastRatio, ensureContrast, mostReadable, parseHex, toHex } from './contrast.ts';
export type { Rgb } from './contrast.ts';
export { checkTheme, themeStylesheet, themeToCss } from './theme.ts';
export type { Theme } from './theme.ts';
