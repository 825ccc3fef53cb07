/**
 * A light, symmetric English suffix stripper: it maps "restart / restarts /
 * restarting / restarted" and "resize / resized / resizing" to one key. It is
 * not Porter: it only has to agree with itself, since articles and queries go
 * through the same function. Russian words lose one common ending; other
 * non-ASCII words are returned unchanged.
 */
export function stem(word: string): string {
  if (/^[\u0430-\u044f]+$/.test(word)) return stemRussian(word);
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

// Russian inflects nouns, adjectives and verbs by ending; dropping the most
// common ones (longest first) lets "сервер / сервера / серверов" meet.
const RUSSIAN_ENDINGS = [
  'иями', 'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ыми', 'ими', 'ией', 'ать', 'ять', 'ить', 'ешь', 'ете', 'ишь', 'ите', 'ют', 'ут', 'ет', 'ит',
  'ах', 'ях', 'ов', 'ев', 'ей', 'ой', 'ый', 'ий', 'ая', 'яя', 'ое', 'ее', 'ые', 'ие', 'ом', 'ем', 'ам', 'ям', 'ию', 'ия', 'ие',
  'а', 'я', 'о', 'е', 'ы', 'и', 'у', 'ю', 'ь', 'й',
];

function stemRussian(word: string): string {
  for (const end of RUSSIAN_ENDINGS) {
    if (word.length - end.length >= 4 && word.endsWith(end)) return word.slice(0, -end.length);
  }
  return word;
}
