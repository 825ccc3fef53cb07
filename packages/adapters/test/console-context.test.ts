import type { ContextSnapshot } from '@helpdock/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { consoleContextSource, type ConsoleContextSource } from '../src/index.ts';

const rules = [
  { pattern: '/ecs/:region/instances/:instanceId', product: 'ecs', page: 'instance-detail' },
  { pattern: '/ecs/:region/instances', product: 'ecs', page: 'instance-list' },
];

const settle = (ms = 40) => new Promise((r) => setTimeout(r, ms));

describe('consoleContextSource', () => {
  let source: ConsoleContextSource;
  let seen: ContextSnapshot[];
  let stop: (() => void) | undefined;

  beforeEach(() => {
    history.replaceState(null, '', '/ecs/cn-hangzhou/instances');
    document.body.innerHTML = '';
    document.head.innerHTML = '';
    seen = [];
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
    vi.restoreAllMocks();
  });

  const watch = (options: Parameters<typeof consoleContextSource>[0] = {}) => {
    source = consoleContextSource({ rules, scanIntervalMs: 10, ...options });
    stop = source.subscribe((c) => seen.push(c));
    return source;
  };

  it('follows SPA navigation: product, page, region and resource change without a reload', async () => {
    watch();
    expect(source.snapshot()).toMatchObject({ product: 'ecs', page: 'instance-list', region: 'cn-hangzhou' });
    history.pushState(null, '', '/ecs/cn-hangzhou/instances/i-bp1abc');
    await settle();
    expect(seen.at(-1)).toMatchObject({ page: 'instance-detail', resources: [{ type: 'instance', id: 'i-bp1abc' }] });
    expect(seen.at(-1)?.browser).toBeTruthy();
  });

  it('reads meta tags, data-helpdock attributes and declared selectors', () => {
    document.head.innerHTML = '<meta name="helpdock:plan" content="enterprise">';
    document.body.innerHTML = '<div data-helpdock-resource="vpc:vpc-123"></div><span id="acct"> 1234 5678 </span><b data-helpdock-product="vpc"></b>';
    const c = consoleContextSource({ rules, signals: [{ selector: '#acct', field: 'accountId' }] }).snapshot();
    expect(c).toMatchObject({ product: 'vpc', plan: 'enterprise', accountId: '1234 5678' });
    expect(c.resources).toEqual([{ type: 'vpc', id: 'vpc-123' }]);
  });

  it('picks up error codes from a banner as it appears, and ignores hidden banners', async () => {
    document.body.innerHTML = '<div role="alert" hidden>QuotaExceeded: nope</div>';
    watch();
    expect(source.snapshot().errorCodes).toBeUndefined();
    const banner = document.querySelector('[role=alert]') as HTMLElement;
    banner.textContent = 'InvalidInstanceId.NotFound: The instance does not exist.';
    banner.hidden = false;
    await settle();
    expect(seen.at(-1)?.errorCodes).toEqual(['InvalidInstanceId.NotFound']);
  });

  it('lets the host’s facts win, merges later pushes, and removes a fact on null', async () => {
    watch();
    source.set({ product: 'custom-product', plan: 'gold', custom: { sla: '99.95' } });
    source.set({ custom: { seats: 5 } });
    expect(source.snapshot()).toMatchObject({ product: 'custom-product', plan: 'gold', custom: { sla: '99.95', seats: 5 } });
    source.set({ product: null });
    expect(source.snapshot().product).toBe('ecs');
  });

  it('warns once about bad host input and keeps the good part', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    watch();
    source.set({ plan: 'gold', region: { nested: true } } as never);
    source.set({ region: { nested: true } } as never);
    source.set('nope' as never);
    expect(source.snapshot().plan).toBe('gold');
    expect(warn.mock.calls.map((c) => c[0])).toEqual(['[helpdock] setContext: "region" must be a string', '[helpdock] setContext: expected an object, got "nope"']);
  });

  it('redacts what it reports: tokens in the URL, e-mails in banners and host facts', async () => {
    history.replaceState(null, '', '/ecs/cn-hangzhou/instances?token=s3cr3t');
    document.body.innerHTML = '<div role="alert">AccessDenied for ana@example.com</div>';
    watch();
    source.set({ custom: { contact: 'li@example.com' } });
    const json = JSON.stringify(source.snapshot());
    expect(json).not.toMatch(/s3cr3t|ana@example\.com|li@example\.com/);
    expect(source.snapshot().errorCodes).toEqual(['AccessDenied']);
  });

  it('captures failed requests only when asked, without the query string, and not its own server’s', async () => {
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => new Response('', { status: String(input).includes('/ok') ? 200 : 403 }));
    vi.stubGlobal('fetch', fetchMock);
    watch({ capture: true, serverOrigin: 'https://help.example.com' });
    // The capture's code loads on demand; from then on the page's fetch is watched.
    await vi.waitFor(() => expect(window.fetch).not.toBe(fetchMock));
    await fetch('https://api.example.com/ecs/restart?sig=abc', { method: 'POST' });
    await fetch('https://api.example.com/ok');
    await fetch('https://help.example.com/api/v1/x');
    await settle();
    expect(source.snapshot().failures).toEqual([{ kind: 'request', method: 'POST', url: 'https://api.example.com/ecs/restart', status: 403, at: expect.any(String) }]);
    stop?.();
    stop = undefined;
    expect(window.fetch).toBe(fetchMock);
    vi.unstubAllGlobals();
  });

  it('leaves nothing behind when the last subscriber goes', async () => {
    const push = history.pushState;
    const observe = vi.spyOn(MutationObserver.prototype, 'disconnect');
    watch();
    expect(history.pushState).not.toBe(push);
    stop?.();
    stop = undefined;
    expect(history.pushState).toBe(push);
    expect(observe).toHaveBeenCalled();
    const before = seen.length;
    history.pushState(null, '', '/ecs/cn-hangzhou/instances/i-after');
    document.body.append(Object.assign(document.createElement('div'), { role: 'alert', textContent: 'QuotaExceeded: x' }));
    await settle();
    expect(seen.length).toBe(before);
  });

  it('stays cheap under thousands of mutations a second: one bounded scan per interval', async () => {
    const spy = vi.spyOn(document, 'querySelectorAll');
    watch({ scanIntervalMs: 50 });
    spy.mockClear();
    const box = document.createElement('div');
    document.body.append(box);
    const started = Date.now();
    let mutations = 0;
    while (Date.now() - started < 300) {
      for (let i = 0; i < 200; i++) {
        box.textContent = String(mutations++);
      }
      await new Promise((r) => setTimeout(r, 0));
    }
    await settle(80);
    const scans = spy.mock.calls.filter((c) => String(c[0]).includes('role=alert')).length;
    expect(mutations).toBeGreaterThan(1000);
    // 300 ms at one scan per 50 ms: a handful, never one per mutation.
    expect(scans).toBeLessThanOrEqual(10);
  });
});
