import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>('../src/**/*.ts', { query: '?raw', import: 'default', eager: true });

describe('core stays framework-agnostic', () => {
  it('has sources to check', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(3);
  });

  it.each(Object.entries(sources))('%s imports no UI framework and never names window or document', (_file, text) => {
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/from\s+['"](preact|react|@preact\/[^'"]*)['"]|import\(\s*['"](preact|react)/);
    expect(code).not.toMatch(/\b(window|document|localStorage|navigator)\b/);
  });

  it('loads under plain Node without a DOM', async () => {
    expect(typeof (globalThis as Record<string, unknown>).window).toBe('undefined');
    const core = await import('../src/index.ts');
    expect(typeof core.createHelpdockCore).toBe('function');
  });
});
