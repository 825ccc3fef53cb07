import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Helpdock, HelpdockConfig } from '../packages/widget/src/api.ts';

const WIDGET = resolve(import.meta.dirname, '../packages/widget');

/** `pnpm pack`, with the pnpm that runs this suite when there is one. */
function pack(into: string): string {
  const execpath = process.env.npm_execpath ?? '';
  const [cmd, pre] = !execpath.includes('pnpm')
    ? ['npx', ['-y', 'pnpm@12.21.0']]
    : /\.[cm]?js$/.test(execpath)
      ? [process.execPath, [execpath]]
      : [execpath, []];
  execFileSync(cmd as string, [...(pre as string[]), 'pack', '--pack-destination', into, '--config.ignore-scripts=true'], { cwd: WIDGET, stdio: 'pipe' });
  return join(into, readdirSync(into).find((f) => f.endsWith('.tgz'))!);
}

describe('@helpdock/widget as published', () => {
  const dir = mkdtempSync(join(tmpdir(), 'helpdock-pack-'));
  const tarball = pack(dir);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes publint with no error or warning', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const { messages, pkg } = await publint({ pkgDir: 'package', pack: { tarball: readFileSync(tarball).buffer as ArrayBuffer }, strict: true });
    expect(pkg).toMatchObject({ name: '@helpdock/widget' });
    expect(messages.filter((m) => m.type !== 'suggestion').map((m) => formatMessage(m, pkg))).toEqual([]);
  });

  it('ships types first in its exports map, no workspace links, and says it has no side effects', () => {
    const manifest = JSON.parse(execFileSync('tar', ['-xOzf', tarball, 'package/package.json'], { encoding: 'utf8' }));
    expect(Object.keys(manifest.exports['.'])).toEqual(['types', 'import']);
    expect(manifest.sideEffects).toBe(false);
    expect(JSON.stringify(manifest.dependencies)).not.toContain('workspace:');
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    expect(files).toContain('package/dist/npm/index.d.ts');
    expect(files).not.toMatch(/\.test\.|\/src\//);
    // The migration shims: an npm subpath each, with types, and a script-tag file each next to loader.js.
    for (const shim of ['intercom', 'crisp', 'zendesk']) {
      expect(Object.keys(manifest.exports[`./shims/${shim}`])).toEqual(['types', 'import']);
      expect(files).toContain(`package/dist/npm/shims/${shim}.d.ts`);
      expect(files).toContain(`package/dist/npm/shims/${shim}.js`);
      expect(files).toContain(`package/dist/shims/${shim}.js`);
    }
  });

  it('imports each migration shim on a server without touching anything', async () => {
    const before = Object.keys(globalThis).sort();
    const intercom = (await import(pathToFileURL(join(WIDGET, 'dist/npm/shims/intercom.js')).href)) as Record<string, unknown>;
    const crisp = (await import(pathToFileURL(join(WIDGET, 'dist/npm/shims/crisp.js')).href)) as Record<string, unknown>;
    const zendesk = (await import(pathToFileURL(join(WIDGET, 'dist/npm/shims/zendesk.js')).href)) as Record<string, unknown>;
    expect(Object.keys(globalThis).sort()).toEqual(before);
    expect([intercom['createIntercom'], crisp['createCrisp'], zendesk['createZendesk']].map((f) => typeof f)).toEqual(['function', 'function', 'function']);
  });

  it('imports on a server (SSR) without touching anything, and does nothing there', async () => {
    const warn = vi.spyOn(console, 'warn');
    const before = Object.keys(globalThis).sort();
    const { createHelpdock } = (await import(pathToFileURL(join(WIDGET, 'dist/npm/index.js')).href)) as { createHelpdock: (config: HelpdockConfig) => Helpdock };
    expect(Object.keys(globalThis).sort()).toEqual(before);
    const helpdock = createHelpdock({ appId: 'demo', serverUrl: 'https://help.example.com' });
    expect(typeof helpdock.on('ready', () => undefined)).toBe('function');
    expect(() => {
      helpdock.open();
      helpdock.update({ theme: { accent: '#000' } });
      helpdock.shutdown();
    }).not.toThrow();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('the API reference', () => {
  it('is generated from the current public types', () => {
    expect(() => execFileSync(process.execPath, ['scripts/api-docs.mjs', '--check'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'pipe' })).not.toThrow();
  });
});
