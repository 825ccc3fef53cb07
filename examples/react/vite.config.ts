import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { loginHandler } from './server/login.ts';

/** The example's "backend" (POST /api/login) inside `vite dev` and `vite preview`. */
function backend(): Plugin {
  const handle = loginHandler(process.env['HELPDOCK_DEMO_IDENTITY_SECRET']);
  const use = (req: IncomingMessage, res: ServerResponse, next: () => void) => void (handle(req, res) || next());
  return {
    name: 'example-backend',
    configureServer: (server) => void server.middlewares.use(use),
    configurePreviewServer: (server) => void server.middlewares.use(use),
  };
}

/*
 * The widget as npm delivers it: its built ESM entry and declarations
 * (packages/widget/dist/npm, made by the root `pnpm build` before the examples),
 * not its Preact sources, which a React app's JSX settings cannot compile.
 * No React plugin needed for a build: Vite compiles the TSX with React's automatic JSX runtime.
 */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [backend()],
  resolve: { alias: { '@helpdock/widget': resolve(import.meta.dirname, '../../packages/widget/dist/npm/index.js') } },
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
});
