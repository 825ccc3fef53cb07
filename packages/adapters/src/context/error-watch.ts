import { extractErrorCodes } from './error-codes.ts';

/** Banners read per scan; extractErrorCodes reads the first 2000 characters of each. */
const MAX_ELEMENTS = 20;

/** Error codes in the visible elements matching `selector`, in page order, each once. */
export function scanErrorCodes(doc: Document, selector: string, patterns: readonly RegExp[]): string[] {
  let elements: Element[];
  try {
    elements = Array.from(doc.querySelectorAll(selector)).slice(0, MAX_ELEMENTS);
  } catch {
    return [];
  }
  const codes: string[] = [];
  for (const el of elements) {
    if (el.closest('[hidden],[aria-hidden="true"]')) continue;
    for (const code of extractErrorCodes(el.textContent ?? '', patterns)) if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/**
 * Calls `onSettled` at most once per `intervalMs` while the page mutates. The
 * MutationObserver callback only arms a timer (O(1) per batch, records never
 * read), so a page mutating thousands of times a second costs one bounded scan
 * per interval, not one per mutation.
 */
export function observeMutations(doc: Document, intervalMs: number, onSettled: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fire = () => {
    timer = undefined;
    onSettled();
  };
  const observer = new MutationObserver(() => {
    timer ??= setTimeout(fire, intervalMs);
  });
  observer.observe(doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'role', 'aria-hidden', 'content'],
  });
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    timer = undefined;
  };
}
