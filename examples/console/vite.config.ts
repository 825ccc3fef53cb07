import { defineConfig } from 'vite';

// A single-page app on purpose: every route is a real URL reached by pushState, so the widget must follow SPA navigation.
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: 'dist', emptyOutDir: true },
});
