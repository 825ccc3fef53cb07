// The browser half of kb-search.bench.ts: bundled into one script and run in Chromium.
import { timeKb } from './lib/kb-corpus.ts';

(globalThis as unknown as { helpdockKbBench: unknown }).helpdockKbBench = (n: number, words: string[]) => timeKb(n, words, () => performance.now());
