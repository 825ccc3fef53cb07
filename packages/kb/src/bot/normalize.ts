/**
 * Text as the bot's phrase lists match it: NFKC (full-width → ASCII), lower
 * case, punctuation turned into spaces, spaces collapsed. `latin` also drops
 * accents (`é` → `e`, `đ` → `d`), so "hablar con una persona" and "fale
 * com um atendente" match however they were typed; scripts whose marks carry
 * meaning (Devanagari, Thai, Arabic) are matched on the first form.
 */
export function normalize(text: string): { plain: string; latin: string } {
  const plain = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const latin = plain
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .normalize('NFC');
  return { plain: ` ${plain} `, latin: ` ${latin} ` };
}

/** True when any pattern matches either form of the text. */
export function matchesAny(text: { plain: string; latin: string }, patterns: readonly RegExp[]): boolean {
  return patterns.some((p) => p.test(text.plain) || p.test(text.latin));
}
