import { defineConfig } from 'vite';

// An app, not a library: the server serves dist/ under /agent/.
export default defineConfig({
  root: import.meta.dirname,
  base: '/agent/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
});
