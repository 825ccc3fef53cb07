import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AssetDirs {
  widgetDir: string;
  agentConsoleDir: string;
  consoleDir: string;
  kbDir: string;
}

/**
 * The server's package folder, found by walking up from this module: the same
 * answer from `src/` under a test runner and from the bundled `dist/cli.js`.
 */
function serverPackageDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@helpdock/server') return dir;
  }
  return resolve(here, '..');
}

/** Where the built widget, agent console, example console and demo KB live in the repository. */
export function defaultAssetDirs(): AssetDirs {
  const packages = dirname(serverPackageDir());
  const root = dirname(packages);
  return {
    widgetDir: join(packages, 'widget', 'dist'),
    agentConsoleDir: join(packages, 'agent-console', 'dist'),
    consoleDir: join(root, 'examples', 'console', 'dist'),
    kbDir: join(packages, 'kb', 'demo'),
  };
}
