/** Drivers return timestamptz as Date (pg, PGlite) but be lenient with strings. */
export function iso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
