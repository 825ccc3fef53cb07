/**
 * Spelling variants that readers treat as the same letter, folded so that
 * queries and articles meet whichever one was typed:
 * - Arabic: vowel marks (harakat), the tatweel stretch, alef with hamza or
 *   madda → bare alef, teh marbuta → heh, alef maksura → yeh;
 * - Cyrillic: ё → е (most Russian text omits the dots);
 * - Devanagari: nukta dropped (क़ → क), as Hindi users type both.
 * NFKD has already split precomposed forms, so the marks are separate code points here.
 */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const DEVANAGARI_NUKTA = /\u093C/g;

export function foldScript(word: string): string {
  let w = word;
  if (/[\u0600-\u06FF]/.test(w)) {
    w = w.replace(ARABIC_MARKS, '').replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627').replace(/\u0629/g, '\u0647').replace(/\u0649/g, '\u064A');
    // NFC would put back the hamza we dropped marks from; the letters above are already bare.
  }
  if (/[\u0400-\u04FF]/.test(w)) w = w.replace(/\u0451/g, '\u0435').replace(/\u0401/g, '\u0415');
  if (/[\u0900-\u097F]/.test(w)) w = w.replace(DEVANAGARI_NUKTA, '');
  return w;
}

// Korean particles and common verb endings, longest first, so 서버에서 → 서버 and 재시작하려면 → 재시작.
const HANGUL_ENDINGS = [
  '인가요', '입니까', '입니다', '이에요', '인가', '인지', '예요', '하려면', '하는데', '했는데', '합니다', '했어요', '해야', '하고', '하는', '하기', '하면', '해요', '했다', '하다', '되지', '되는', '되어', '됐어', '돼요', '안돼',
  '에서는', '에서', '으로', '에게', '까지', '부터', '처럼', '이나', '이랑',
  '을', '를', '이', '가', '은', '는', '에', '의', '로', '와', '과', '도', '만', '나', '요',
];

/** A Korean word without its trailing particle or ending; the word itself when nothing (or too little) would remain. */
export function hangulStem(word: string): string {
  for (const end of HANGUL_ENDINGS) {
    // A one-syllable ending may be part of the word (가, 이): strip it only from longer words.
    if (word.length - end.length >= (end.length > 1 ? 1 : 2) && word.endsWith(end)) return word.slice(0, -end.length);
  }
  return word;
}
