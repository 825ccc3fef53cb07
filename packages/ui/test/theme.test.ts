import { describe, expect, it } from 'vitest';
import { checkTheme, contrastRatio, parseHex, themeStylesheet, themeToCss } from '../src/index.ts';

const ratio = (a: string, b: string) => contrastRatio(parseHex(a)!, parseHex(b)!);

describe('theme tokens', () => {
  it('computes the WCAG contrast ratio', () => {
    expect(ratio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(ratio('#777', '#fff')).toBeCloseTo(4.48, 2);
  });

  it('puts dark text on a light brand colour and white text on a dark one, always readable', () => {
    expect(themeToCss({ brand: '#ffd400' })['--hd-brand-text']).toBe('#111418');
    expect(themeToCss({ brand: '#12345a' })['--hd-brand-text']).toBe('#ffffff');
    for (const brand of ['#ffd400', '#00c2ff', '#ff0000', '#7fff00', '#2457d6', '#888888']) {
      const vars = themeToCss({ brand });
      expect(ratio(vars['--hd-brand-text']!, brand), brand).toBeGreaterThanOrEqual(4.5);
      // The accent used as text on the panel is darkened (light) or lightened (dark) until it reads at 4.5:1.
      expect(ratio(vars['--hd-accent']!, vars['--hd-bg']!), brand).toBeGreaterThanOrEqual(4.5);
      const dark = themeToCss({ brand }, 'dark');
      expect(ratio(dark['--hd-accent']!, dark['--hd-bg']!), brand).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('places the widget in the chosen corner with its offsets and sizes', () => {
    const vars = themeToCss({ position: 'bottom-left', offsetX: 32, offsetY: 90, panelWidth: 420, zIndex: 50, radius: 4 });
    expect(vars).toMatchObject({ '--hd-left': '32px', '--hd-right': 'auto', '--hd-justify': 'left', '--hd-bottom': '90px', '--hd-panel-width': '420px', '--hd-z': '50', '--hd-radius': '4px' });
    expect(themeToCss({})).toMatchObject({ '--hd-right': '20px', '--hd-left': 'auto' });
  });

  it('follows the system scheme only when asked', () => {
    expect(themeStylesheet({ mode: 'dark' })).toContain('--hd-bg: #16191d');
    expect(themeStylesheet({ mode: 'dark' })).not.toContain('prefers-color-scheme');
    expect(themeStylesheet({ mode: 'system' })).toMatch(/@media \(prefers-color-scheme: dark\) \{ \.hd-root \{ [^}]*--hd-bg: #16191d/);
  });

  it('keeps the valid part of a bad theme and names each problem', () => {
    const { theme, warnings } = checkTheme({ brand: 'red', accent: '#0a7', radius: 'round', position: 'top', mode: 'dark', sparkle: true });
    expect(theme).toEqual({ accent: '#0a7', mode: 'dark' });
    expect(warnings).toEqual([
      'theme.brand must be a #rgb or #rrggbb colour',
      'theme.radius must be a number of px',
      'theme.position must be one of bottom-right, bottom-left',
      'theme.sparkle is not a theme option',
    ]);
  });

  it('cannot break out of its declaration block', () => {
    expect(themeStylesheet({ fontFamily: 'x; } body { display: none' })).not.toMatch(/\}\s*body/);
  });
});

describe('older theme keys', () => {
  it('treat accent as the brand colour when no brand is given, and keep a readable accentText', () => {
    expect(themeToCss({ accent: '#0a7f5a', accentText: '#ffffff', radius: '8px' })).toMatchObject({ '--hd-brand': '#0a7f5a', '--hd-brand-text': '#ffffff', '--hd-radius': '8px' });
    // White on yellow reads at 1.5:1: the contrast pick wins over the host's choice.
    expect(themeToCss({ accent: '#ffd400', accentText: '#fff' })['--hd-brand-text']).toBe('#111418');
    expect(themeToCss({ background: '#fafaf7' })['--hd-bg']).toBe('#fafaf7');
  });
});
