// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';

describe('the npm entry on the server (SSR)', () => {
  it('imports without touching anything, and its commands do nothing', async () => {
    const warn = vi.spyOn(console, 'warn');
    const globalsBefore = Object.keys(globalThis).sort();
    const { createHelpdock } = await import('../src/index.ts');
    expect(Object.keys(globalThis).sort()).toEqual(globalsBefore);
    const helpdock = createHelpdock({ appId: 'demo', serverUrl: 'https://help.example.com' });
    expect(() => {
      helpdock.open();
      helpdock.showNewMessage('hi');
      helpdock.setLocale('zh-CN');
      helpdock.destroy();
    }).not.toThrow();
    expect(warn).not.toHaveBeenCalled();
  });
});
