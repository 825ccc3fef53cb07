import { defineConfig } from 'vite';
import { engineTransports } from './vite.engine-transports.ts';
import { jsonParser } from './vite.json-parser.ts';
import { minifyWidgetCss } from './vite.minify-css.ts';

/**
 * widget.js: the script-tag bundle, an ES module with a stable name (short
 * cache) whose lazy parts (panel, bot + KB, socket.io, locale strings) are
 * content-hashed chunks under assets/ (cached forever). loader.js is built by
 * vite.loader.config.ts, after this build, into the same folder.
 *
 * Library mode on purpose: chunks import each other by relative URL, wherever
 * the server mounts them, and no preload helper (which would add <link> tags
 * to the host page's <head>) is inserted on the launcher's path.
 */
export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  plugins: [minifyWidgetCss(), engineTransports(), jsonParser()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    reportCompressedSize: true,
    // The chunk graph, read by the size budget test and the benchmark to know what each stage fetches.
    manifest: true,
    lib: { entry: 'src/widget.ts', formats: ['es'], fileName: () => 'widget.js' },
    rolldownOptions: {
      // Lets lazy chunks import what they share with widget.js from widget.js itself, instead of one more file.
      preserveEntrySignatures: false,
      // Library mode only strips names by default; the script tag's files are fully minified.
      output: {
        chunkFileNames: 'assets/[name]-[hash].js',
        minify: true,
        // The minifier keeps `/* @__PURE__ */` marks (a hundred in the panel alone); nothing downstream reads them.
        comments: { legal: true, annotation: false, jsdoc: false },
        advancedChunks: {
          // A group holds the modules it names, not everything they import (Preact stays in its own chunk).
          includeDependenciesRecursively: false,
          groups: [
            // What follows the launcher's first frame, as one file: the core (store, bot turns, agent link), the
            // widget's glue, context detection and the help client, with the small modules lazy chunks share
            // (HTTP paths, refusals, article text), which as a file of their own compressed 0.2 KB worse.
            // A new module in core/src or adapters' context/ lands here unless it is named as lazy below.
            { name: 'core-stage', test: /\/node_modules\/zustand\/|\/adapters\/src\/((clock|local-storage|memory-storage|remote-help|tab-sync|visitor-token|refusal)|context\/(?!capture\b)[\w-]+)\.ts$|\/core\/src\/(?!(action-run|attach-file|diagnostics|ticket-link)\b)[\w-]+\.ts$|\/i18n\/src\/(bundles|strings)\.ts$|\/protocol\/src\/(limits|model|http)\.ts$|\/widget\/src\/(attention|core-stage|deferred-context|watch-core)\.ts$|\/kb\/src\/markdown-text\.ts$/ },
            // What the first intent to open the chat fetches, as one file: Preact, signals, i18next, the panel's views
            // that are not lazy, and the bot's client (wanted as soon as the visitor asks). As three files they
            // compressed 0.7 KB worse. The lazy views stay out: each test names its modules, none of their imports.
            { name: 'panel', test: /\/node_modules\/(preact|@preact\/signals(-core)?|i18next)\/|\/ui\/src\/((App|Nudge|mount|icons)\.tsx|(binding-context|binding|isolate)\.ts|panel\/((BotExtras|Composer|ContextLine|Home|HumanButton|Message|MessageList|Notice|Panel|StatusBanner|lazy|run-check|attachments\/lazy)\.tsx|(styles|use-visual-viewport)\.ts))$|\/i18n\/src\/create\.ts$|\/widget\/src\/(panel-stage|lazy-bot)\.ts$|\/adapters\/src\/bot\/(server-bot|intake|lazy-handoff)\.ts$/ },
            // What the first view that loads later (an article, the intake, rating, past tickets…) fetches with its
            // code: the table of the later strings' chunks and the later views' stylesheet, as one file.
            { name: 'later', test: /\/i18n\/src\/later\.ts$|\/ui\/src\/panel\/later-styles\.ts$/ },
            // What a visitor on the way to a person fetches together (the review, then the ticket tracker
            // and the conversation's tools): one file compresses better than seven small ones.
            { name: 'handoff-views', test: /\/ui\/src\/panel\/(HandoffReview|TicketHeader|ticket\/(SlaClocks|Timeline|duration|use-now|unanswered)|tickets\/(ConversationTools|TranscriptButton)|attachments\/(attach-button|styles))\.tsx?$|\/i18n\/src\/time\.ts$/ },
          ],
        },
      },
    },
  },
});
