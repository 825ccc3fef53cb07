import { defineConfig } from 'vite';

/** loader.js: the script tag's file, one small classic script (IIFE), added to dist/ next to widget.js. */
export default defineConfig({
  root: import.meta.dirname,
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2017',
    minify: true,
    lib: { entry: 'src/loader.ts', formats: ['iife'], name: 'HelpdockLoader', fileName: () => 'loader.js' },
  },
});
