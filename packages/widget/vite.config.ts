import { defineConfig } from 'vite';
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
  plugins: [minifyWidgetCss()],
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
      output: { chunkFileNames: 'assets/[name]-[hash].js', minify: true },
    },
  },
});
