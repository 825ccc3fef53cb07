import { defineConfig } from 'vite';
import { minifyWidgetCss } from './vite.minify-css.ts';

// Third-party libraries stay imports, so an app's bundler dedupes them; Helpdock's own packages are bundled in.
const EXTERNAL = ['preact', '@preact/signals', 'i18next', 'socket.io-client', 'socket.io-json-parser', 'zustand', 'valibot'];

/**
 * dist/npm: the npm entry (`import { createHelpdock } from '@helpdock/widget'`),
 * ESM, unminified (the app's bundler minifies), with the same lazy chunks as the
 * script tag: importing it loads nothing heavy, and runs nothing. Types come
 * from scripts/emit-types.mjs.
 */
export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  plugins: [minifyWidgetCss()],
  build: {
    outDir: 'dist/npm',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    // The migration shims are entries of their own (`@helpdock/widget/shims/intercom`, …): nothing of them reaches index.js.
    lib: {
      entry: { index: 'src/index.ts', 'shims/intercom': 'src/shims/intercom.ts', 'shims/crisp': 'src/shims/crisp.ts', 'shims/zendesk': 'src/shims/zendesk.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: (id) => EXTERNAL.some((d) => id === d || id.startsWith(`${d}/`)),
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
