// dist/shims/{intercom,crisp,zendesk}.js: the migration shims for script-tag
// pages, each one small classic script (IIFE) served next to loader.js and
// loaded only by the pages that ask for it, never on the loader's or the
// launcher's path. Library mode builds one IIFE per run, hence the loop.
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const SHIMS = ['intercom', 'crisp', 'zendesk'];

for (const name of SHIMS) {
  await build({
    root,
    configFile: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist/shims',
      emptyOutDir: name === SHIMS[0],
      target: 'es2022',
      minify: true,
      lib: { entry: resolve(root, `src/shims/tag/${name}.ts`), formats: ['iife'], name: `HelpdockShim${name}`, fileName: () => `${name}.js` },
    },
  });
}
console.log(`dist/shims: ${SHIMS.map((s) => `${s}.js`).join(', ')}`);
