import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/*
 * The server ships as plain ESM for Node 20. The server's own npm dependencies
 * stay external (installed next to it; PGlite must load its WASM from its own
 * package folder). The @helpdock/* workspace packages, and what they import,
 * are bundled in: they are TypeScript sources and not installed beside dist/.
 */
const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
const npmDeps = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@helpdock/'));
const builtins = new Set(builtinModules);

const isExternal = (id: string): boolean =>
  id.startsWith('node:') || builtins.has(id) || npmDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));

export default defineConfig({
  root: import.meta.dirname,
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: { cli: 'src/cli.ts', index: 'src/index.ts' },
      external: isExternal,
      output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
