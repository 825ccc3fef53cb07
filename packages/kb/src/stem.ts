/**
 * A light, symmetric English suffix stripper: it maps "restart / restarts /
 * restarting / restarted" and "resize / resized / resizing" to one key. It is
 * not Porter: it only has to agree with itself, since articles and queries go
 * through the same function. Non-ASCII words are returned unchanged.
 */
export function stem(word: string): string {
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  let w = word;
  if (/(?:ies|ied)$/.test(w) && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length >= 6 && /[aeiouy]/.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && !w.endsWith('eed') && w.length >= 5 && /[aeiouy]/.test(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  const last = w[w.length - 1];
  return last && last === w[w.length - 2] && !'lsz'.includes(last) ? w.slice(0, -1) : w;
}
