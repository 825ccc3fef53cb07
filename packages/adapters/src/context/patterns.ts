/**
 * A host's patterns as global regular expressions (strings compiled with `stringFlags`);
 * each invalid one is left out with a `[helpdock] ${what} "…" is not a valid regular expression` warning.
 */
export function globalPatterns(patterns: ReadonlyArray<RegExp | string>, stringFlags: string, what: string): RegExp[] {
  const compiled: RegExp[] = [];
  for (const p of patterns) {
    try {
      compiled.push(typeof p === 'string' ? new RegExp(p, stringFlags) : p.global ? p : new RegExp(p.source, `${p.flags}g`));
    } catch {
      console.warn(`[helpdock] ${what} ${JSON.stringify(String(p))} is not a valid regular expression`);
    }
  }
  return compiled;
}
