import { defineConfig } from 'vite';

/**
 * widget.js: the script-tag bundle, an ES module with a stable name (short
 * cache) whose lazy parts (panel, bot + KB, socket.io, locale strings) are
 * content-hashed chunks under assets/ (cached forever). loader.js is built by
 * vite.loader.config.ts, after this build, into the same folder.
 */
export default defineConfig({
  root: import.meta.dirname,
  // Chunks are imported relative to widget.js, wherever the server mounts it.
  base: './',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    minify: true,
    // The preload helper would add <link> tags to the host page's <head>.
    modulePreload: false,
    reportCompressedSize: true,
    rolldownOptions: {
      input: { widget: 'src/widget.ts' },
      preserveEntrySignatures: false,
      output: {
        format: 'es',
        entryFileNames: 'widget.js',
        chunkFileNames: 'assets/[name]-[hash].js',
      },
    },
  },
});
