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
        // Small modules several lazy chunks share (HTTP paths, refusals, article text) travel as one file, not three.
        advancedChunks: {
          // A group holds the modules it names, not everything they import (Preact stays in its own chunk).
          includeDependenciesRecursively: false,
          groups: [
            { name: 'shared', test: /\/(protocol\/src\/http|adapters\/src\/refusal|kb\/src\/markdown-text)\.ts$/ },
            // Preact and the two small modules every view imports with it.
            { name: 'preact', test: /\/node_modules\/preact\/|\/ui\/src\/(binding-context\.ts|panel\/lazy\.tsx)$/ },
            // What a visitor on the way to a person fetches together (the review, then the ticket tracker
            // and the conversation's tools): one file compresses better than seven small ones.
            { name: 'handoff-views', test: /\/ui\/src\/panel\/(HandoffReview|TicketHeader|ticket\/(SlaClocks|Timeline|duration|use-now|unanswered)|tickets\/(ConversationTools|TranscriptButton)|attachments\/(attach-button|styles))\.tsx?$|\/i18n\/src\/time\.ts$/ },
          ],
        },
      },
    },
  },
});
