import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// A multi-page app on purpose: the widget must survive real page loads, not only SPA routes.
export default defineConfig({
  root: import.meta.dirname,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'index.html'),
        instance: resolve(import.meta.dirname, 'instance.html'),
      },
    },
  },
});
