import { defineConfig } from 'vite';
import { minifyWidgetCss } from './vite.minify-css.ts';

// Third-party libraries stay imports, so an app's bundler dedupes them; Helpdock's own packages are bundled in.
const EXTERNAL = ['preact', '@preact/signals', 'i18next', 'socket.io-client', 'zustand', 'valibot'];

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
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rolldownOptions: {
      external: (id) => EXTERNAL.some((d) => id === d || id.startsWith(`${d}/`)),
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
