import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The built script-tag widget, as the server serves it. */
export const WIDGET_DIST = resolve(import.meta.dirname, '../packages/widget/dist');

interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * What a page fetches to reach each state, from the build's own chunk graph:
 * a stage is its entry points plus every chunk they import statically,
 * transitively. `dynamic` names the lazy chunks that state loads on purpose (by their
 * entry module, or `chunk:<name>` for a group named in vite.config.ts).
 * The launcher's English label ships inside widget.js; the panel's strings are
 * the active locale's own chunk (English here, about 3 KB).
 */
export const STAGES = {
  /** The script tag's file. */
  loader: { budgetKb: 1, files: ['loader.js'], dynamic: [] as string[] },
  /** Everything needed to show the launcher: the command queue, the launcher and its English label; the core loads right after. */
  launcher: { budgetKb: 12, files: ['loader.js'], dynamic: ['src/widget.ts'] },
  /** Everything needed for an open chat with the bot and a live agent. */
  openChat: {
    budgetKb: 55,
    ceilingKb: 66.4,
    files: ['loader.js'],
    dynamic: [
      'src/widget.ts',
      'chunk:core-stage',
      'chunk:panel',
      // The panel's strings: i18next loads the active locale's (here English) as its own chunk
      // (widget.json; widget-later.json follows only with the views that read it).
      '../i18n/src/locales/en/widget.json',
      'src/lazy-agent.ts',
      // On the way to the agent and with one: the review of what is shared, the ticket tracker,
      // the conversation's tools and the file picker, one chunk (what `pnpm bench` sees fetched).
      'chunk:handoff-views',
    ],
  },
} as const;

/*
 * `ceilingKb`: a stage over its DESIGN.md budget may not grow past this while it
 * is trimmed back. The launcher is back within budget (5.6 KB): widget.js holds
 * only the command queue and the launcher, and the core follows its first frame.
 *
 * The open chat is not: 66.34 KB, counted as a visitor gets it, through the handoff
 * to a live agent (review, ticket tracker, tools, file picker: `pnpm bench` sees the
 * same files fetched). Min+gzip as it sits in its file:
 * - libraries, about 32 KB: i18next 13.1; socket.io-client 10 (WebSocket only: long-polling
 *   is its own chunk, fetched where no WebSocket gets through; no WebTransport, which our
 *   server does not offer; socket.io's JSON parser instead of the default one, read as an
 *   ES module on socket.io-client's own emitter; no `io()` lookup, the socket channel makes its
 *   own Manager); Preact + hooks + signals 8.5; zustand 0.15.
 * - ours, about 35 KB: the core 8.2, the widget's glue 3, context detection and the help
 *   client 5.2 (one file, core-stage, with the small modules lazy chunks share: as separate
 *   files they compressed about 1 KB worse); the panel's views 4.5 and stylesheet 1.9, in
 *   one file with Preact, i18next and the bot's client 2 (as three files, 0.7 KB worse); the
 *   handoff views 3.2 (as seven files, 1 KB worse); English strings 2.4; widget.js 5.2; the
 *   socket channel 1.
 * Off this path: the KB, its index and the word lists in 15 languages (the server answers
 * the bot's questions, POST …/bot, and classifies tickets, …/bot/plan); what only some
 * tickets show (rating, availability, e-mailed transcript, file previews, "Run a check"),
 * with its strings (widget-later.json, 0.8 KB in English) and stylesheet (0.4 KB); past
 * tickets, ticket actions and the e-mailed transcript's request (core's ticket-link.ts);
 * running a host action and making a transcript file. Getting to 55 KB needs our own code
 * on this path cut from about 34 KB to 23.
 */

export type StageName = keyof typeof STAGES;

export interface StageSize {
  stage: StageName;
  files: string[];
  /** min+gzip bytes, summed over the stage's files (gzip level 9, each file on its own, as a server sends them). */
  gzipBytes: number;
  budgetBytes: number;
  /** Set while the stage is over its budget: the most it may weigh until it is trimmed. */
  ceilingBytes?: number;
}

function readManifest(dist: string): Record<string, ManifestChunk> {
  const path = join(dist, '.vite', 'manifest.json');
  if (!existsSync(path)) throw new Error(`${path} is missing: build the widget first (pnpm build)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ManifestChunk>;
}

export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Every stage's files and min+gzip size, from a built dist folder. */
export function measureStages(dist = WIDGET_DIST): StageSize[] {
  const manifest = readManifest(dist);
  return (Object.keys(STAGES) as StageName[]).map((stage) => {
    const spec = STAGES[stage];
    const files = new Set<string>(spec.files);
    const visit = (key: string) => {
      // `chunk:<name>`: a chunk the build groups by name (vite.config.ts), whose manifest key carries its hash.
      const chunk = key.startsWith('chunk:') ? Object.values(manifest).find((c) => c.name === key.slice(6)) : manifest[key];
      if (!chunk) throw new Error(`stage ${stage}: ${key} is not in the build's manifest`);
      if (files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const dep of chunk.imports ?? []) visit(dep);
    };
    for (const key of spec.dynamic) visit(key);
    const list = [...files];
    const size: StageSize = { stage, files: list, gzipBytes: list.reduce((n, f) => n + gzipSize(join(dist, f)), 0), budgetBytes: spec.budgetKb * 1024 };
    if ('ceilingKb' in spec) size.ceilingBytes = spec.ceilingKb * 1024;
    return size;
  });
}
