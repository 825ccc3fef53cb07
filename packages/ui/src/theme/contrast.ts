/** WCAG 2.x relative luminance and contrast ratio, for `#rgb` / `#rrggbb` colours. */

export type Rgb = readonly [number, number, number];

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export function parseHex(color: string): Rgb | null {
  const m = HEX.exec(color.trim());
  if (!m?.[1]) return null;
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as unknown as Rgb;
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('')}`;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

export function luminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** 1 (same) to 21 (black on white). AA asks 4.5 for text, 3 for large text and UI parts. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Of the candidates, the one that reads best on `background`. */
export function mostReadable(background: Rgb, candidates: readonly Rgb[]): Rgb {
  let best = candidates[0] ?? [0, 0, 0];
  for (const c of candidates) if (contrastRatio(c, background) > contrastRatio(best, background)) best = c;
  return best;
}

/**
 * `color` moved toward `toward` in small steps until it reaches `ratio` against
 * `background`: a brand colour too light for text on white becomes a darker shade of itself.
 */
export function ensureContrast(color: Rgb, background: Rgb, ratio: number, toward: Rgb): Rgb {
  let c = color;
  for (let step = 0; step <= 20 && contrastRatio(c, background) < ratio; step++) {
    const t = step / 20;
    // Rounded as it will be written, so the hex colour itself meets the ratio.
    c = [0, 1, 2].map((i) => Math.round(color[i]! + (toward[i]! - color[i]!) * t)) as unknown as Rgb;
  }
  return c;
}
