import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

/**
 * Library-mode build shared by the workspace packages: ESM, one entry per
 * package, every dependency left external so the consumer's bundler dedupes them.
 */
export function libraryConfig(dir: string, entries: Record<string, string> = { index: 'src/index.ts' }): UserConfig {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  const external = (id: string) => deps.some((d) => id === d || id.startsWith(`${d}/`)) || id.startsWith('node:');
  return defineConfig({
    root: dir,
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: true,
      lib: { entry: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(dir, v)])), formats: ['es'] },
      rolldownOptions: { external },
    },
  });
}
