// Declarations for the npm entries: index.d.ts and api.d.ts, plus the migration
// shims' (shims/*.d.ts). The public types live in src/api.ts, which imports
// nothing, so these files are the whole typed surface and name no internal package.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'dist', 'npm');
const entries = ['src/index.ts', 'src/api.ts', 'src/shims/shared.ts', 'src/shims/intercom.ts', 'src/shims/crisp.ts', 'src/shims/zendesk.ts'].map((f) => join(root, f));
const program = ts.createProgram(entries, {
  declaration: true,
  emitDeclarationOnly: true,
  strict: true,
  exactOptionalPropertyTypes: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  skipLibCheck: true,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: [],
});
const problems = ts.getPreEmitDiagnostics(program).filter((d) => entries.includes(d.file?.fileName ?? ''));
if (problems.length) {
  console.error(ts.formatDiagnostics(problems, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
  process.exit(1);
}
mkdirSync(out, { recursive: true });
for (const entry of entries) {
  program.emit(program.getSourceFile(entry), (fileName, text) => {
    if (!fileName.endsWith('.d.ts')) return;
    // Published files import each other as .js.
    const target = join(out, relative(join(root, 'src'), entry).replace(/\.ts$/, '.d.ts'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text.replace(/(from\s+['"]\.\.?\/[\w-]+)\.ts(['"])/g, '$1.js$2'));
  }, undefined, true);
}
console.log('dist/npm: index.d.ts, api.d.ts, shims/*.d.ts');
