/**
 * Wraps an id, number or address in Unicode isolates (what <bdi> does for an
 * element) so it keeps its own left-to-right order inside an Arabic sentence,
 * where it arrives as a parameter of a translated string.
 */
export function isolate(value: string | number, dir: 'ltr' | 'rtl'): string {
  // Left-to-right text needs no isolation, and plain text stays plain for copy, search and tests.
  return dir === 'rtl' ? `\u2068${value}\u2069` : String(value);
}
