/** What a host may change about the look; every value is a CSS value. */
export interface Theme {
  /** Launcher, header and the visitor's bubbles. @default '#2457d6' */
  accent?: string;
  /** Text on the accent colour. @default '#fff' */
  accentText?: string;
  /** Panel background. @default '#fff' */
  background?: string;
  /** Panel text. @default '#1b1f24' */
  text?: string;
  /** Panel corner radius, e.g. `'8px'`. @default '14px' */
  radius?: string;
}

const VARS: Record<keyof Theme, string> = {
  accent: '--hd-accent',
  accentText: '--hd-accent-text',
  background: '--hd-bg',
  text: '--hd-fg',
  radius: '--hd-radius',
};

// A value may not close the rule or open another: no braces, semicolons, or comment/escape tricks.
const SAFE = /^[#(),.%\w\s-]{1,64}$/;

/**
 * The theme as one rule on `.hd-root`, plus the names of the values it refused.
 * Unknown keys and unsafe values are dropped, never injected.
 */
export function themeCss(theme: Record<string, unknown>): { css: string; rejected: string[] } {
  const decls: string[] = [];
  const rejected: string[] = [];
  for (const [key, value] of Object.entries(theme)) {
    const name = (VARS as Record<string, string | undefined>)[key];
    if (value === undefined) continue;
    if (!name || typeof value !== 'string' || !SAFE.test(value)) rejected.push(key);
    else decls.push(`${name}: ${value};`);
  }
  return { css: decls.length ? `.hd-root { ${decls.join(' ')} }` : '', rejected };
}
