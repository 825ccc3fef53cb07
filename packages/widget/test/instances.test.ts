import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createHelpdock, type Helpdock } from '../src/index.ts';

const config = { appId: 'demo', serverUrl: 'https://help.example.com' };
const roots = () => document.querySelectorAll('#helpdock-root').length;
const instances: Helpdock[] = [];

beforeEach(() => {
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});

afterEach(async () => {
  for (const i of instances.splice(0)) i.shutdown();
  await vi.waitFor(() => expect(roots()).toBe(0));
  localStorage.clear();
  vi.unstubAllGlobals();
});

// What React StrictMode does to an effect that creates the widget: create, destroy, create again at once.
it('never shows two launchers when one instance is destroyed and the next created at once', async () => {
  const seen: number[] = [];
  const observer = new MutationObserver(() => seen.push(roots()));
  observer.observe(document, { childList: true, subtree: true });
  const first = createHelpdock(config);
  first.identify({ id: 'alice' }, { token: 'alice-token' });
  first.destroy();
  const second = createHelpdock(config);
  second.identify({ id: 'alice' }, { token: 'alice-token' });
  instances.push(first, second);
  const ready = vi.fn();
  second.on('ready', ready);
  await vi.waitFor(() => expect(ready).toHaveBeenCalledOnce(), { timeout: 5000 });
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  expect(roots()).toBe(1);
  expect(Math.max(...seen)).toBe(1);
});
