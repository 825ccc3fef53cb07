import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// A single-page app on purpose: every route is a real URL reached by pushState, so the widget must follow SPA navigation.
// blank.html is apart: a host page with nothing but the script tag, for the benchmark.
export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), blank: resolve(import.meta.dirname, 'blank.html') },
    },
  },
});
