import { defineConfig } from 'vite';

// A plain Vite app: the widget comes from the workspace (`@helpdock/widget`), and the app's own bundler splits its lazy parts.
export default defineConfig({
  root: import.meta.dirname,
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
});
