import { deletions, withinOneEdit } from './edit-distance.ts';

/**
 * The set of index terms, with the two inexact lookups search needs:
 * prefixes (a word still being typed) and one-typo neighbours.
 */
export interface Vocabulary {
  id(term: string): number | undefined;
  /** Term ids starting with `prefix` (the exact term excluded), at most `max`, most frequent first. */
  withPrefix(prefix: string, max: number): number[];
  /** Term ids one edit away from `term` (the exact term excluded). */
  oneEditFrom(term: string): number[];
}

const MIN_FUZZY_TERM = 4;

export function createVocabulary(terms: readonly string[], df: ArrayLike<number>): Vocabulary {
  const ids = new Map<string, number>();
  terms.forEach((t, i) => ids.set(t, i));
  const sorted = terms.map((_, i) => i).sort((a, b) => compare(terms[a] ?? '', terms[b] ?? ''));

  // Built on the first typo lookup, not up front: most queries never need it,
  // and a page should not pay for it while loading the bundle.
  let byDeletion: Map<string, number[]> | null = null;
  const deletionIndex = () => {
    if (byDeletion) return byDeletion;
    byDeletion = new Map();
    terms.forEach((t, i) => {
      if (t.length < MIN_FUZZY_TERM || !/^[\p{L}\p{M}]+$/u.test(t)) return;
      for (const d of new Set(deletions(t))) {
        const list = byDeletion?.get(d);
        if (list) list.push(i);
        else byDeletion?.set(d, [i]);
      }
    });
    return byDeletion;
  };

  return {
    id: (term) => ids.get(term),

    withPrefix(prefix, max) {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(terms[sorted[mid] ?? 0] ?? '', prefix) < 0) lo = mid + 1;
        else hi = mid;
      }
      const found: number[] = [];
      for (let i = lo; i < sorted.length; i++) {
        const id = sorted[i] ?? 0;
        const t = terms[id] ?? '';
        if (!t.startsWith(prefix)) break;
        if (t !== prefix) found.push(id);
      }
      return found.length <= max ? found : found.sort((a, b) => (df[b] ?? 0) - (df[a] ?? 0)).slice(0, max);
    },

    oneEditFrom(term) {
      const index = deletionIndex();
      const candidates = new Set<number>(index.get(term) ?? []);
      for (const d of deletions(term)) {
        const same = ids.get(d);
        if (same !== undefined) candidates.add(same);
        for (const id of index.get(d) ?? []) candidates.add(id);
      }
      return [...candidates].filter((id) => terms[id] !== term && withinOneEdit(term, terms[id] ?? ''));
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
