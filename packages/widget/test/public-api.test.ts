import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHelpdock, type Helpdock, type HelpdockEvents } from '../src/index.ts';
import { bootFromLoader, type LoaderStub } from '../src/script-tag.ts';

type HostWindow = Window & { Helpdock?: LoaderStub };
const host = window as HostWindow;
const waitFor = vi.waitFor;
const config = { appId: 'demo', serverUrl: 'https://help.example.com' };
const launcher = () => document.getElementById('helpdock-root')?.shadowRoot?.querySelector<HTMLButtonElement>('.hd-launcher') ?? null;
const dialog = () => document.getElementById('helpdock-root')?.shadowRoot?.querySelector('[role="dialog"]') ?? null;

let instance: Helpdock | null = null;

const restart = { id: 'restart-instance', locale: 'en', title: 'Restart an instance', tags: ['restart'], products: ['ecs'], body: 'Open the instance page and choose Restart.' };

beforeEach(() => {
  // The server's FAQ bot, answering with the restart article; nothing else is reachable.
  vi.stubGlobal('fetch', async (url: string) =>
    url.endsWith('/bot') ? new Response(JSON.stringify({ kind: 'answer', text: restart.body, article: restart })) : Promise.reject(new TypeError('offline')),
  );
});

afterEach(() => {
  instance?.shutdown();
  instance = null;
  host.Helpdock?.('shutdown');
  delete host.Helpdock;
  document.body.innerHTML = '';
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The two ways in: the npm instance, and the script tag's `Helpdock(name, ...args)`. */
const ways = {
  npm: (): Helpdock => (instance = createHelpdock(config)),
  'script tag': (): Helpdock => {
    host.Helpdock = Object.assign(() => undefined, { config });
    bootFromLoader(host);
    const call = host.Helpdock!;
    return new Proxy({} as Helpdock, { get: (_t, name) => (...args: unknown[]) => call(name, ...args) });
  },
};

// Against the built package (the widget-dist project) the script tag's own build is covered in Chromium instead.
const under = import.meta.env['HELPDOCK_TEST_DIST'] ? { npm: ways.npm } : ways;

describe.each(Object.entries(under))('the public API through %s', (_way, boot) => {
  it('tells the host when it is ready, opened and closed, and stops telling after off', async () => {
    const helpdock = boot();
    const seen: string[] = [];
    const onOpen = () => seen.push('open');
    helpdock.on('ready', ({ appId }) => seen.push(`ready ${appId}`));
    helpdock.on('open', onOpen);
    helpdock.on('close', () => seen.push('close'));
    await waitFor(() => expect(seen).toContain('ready demo'));
    helpdock.open();
    await waitFor(() => expect(dialog()).not.toBeNull());
    helpdock.close();
    helpdock.off('open', onOpen);
    helpdock.toggle();
    await waitFor(() => expect(seen).toEqual(['ready demo', 'open', 'close']));
    expect(launcher()?.getAttribute('aria-expanded')).toBe('true');
  });

  it('prefills the composer with showNewMessage and reports each new message once', async () => {
    const helpdock = boot();
    const messages: Array<HelpdockEvents['message']> = [];
    helpdock.on('message', (m) => messages.push(m));
    helpdock.showNewMessage('How do I restart my instance?');
    await waitFor(() => expect(dialog()?.querySelector('textarea')?.value).toBe('How do I restart my instance?'));
    const form = dialog()!.querySelector('textarea')!.closest('form')!;
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await waitFor(() => expect(messages.map((m) => m.author)).toContain('bot'));
    expect(messages[0]).toMatchObject({ author: 'visitor', text: 'How do I restart my instance?' });
    expect(new Set(messages.map((m) => m.id)).size).toBe(messages.length);
  });

  it('changes theme and language at run time with update', async () => {
    const helpdock = boot();
    await waitFor(() => expect(launcher()).not.toBeNull());
    helpdock.update({ theme: { accent: '#0a7f5a' }, locale: 'zh-CN' });
    await waitFor(() => expect(launcher()?.getAttribute('aria-label')).toBe('打开客服聊天'));
    const sheets = document.getElementById('helpdock-root')!.shadowRoot!.adoptedStyleSheets;
    expect(sheets.some((s) => Array.from(s.cssRules).some((r) => r.cssText.includes('#0a7f5a')))).toBe(true);
  });

  it('warns once, clearly, about misuse and never throws into the page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const helpdock = boot() as unknown as Record<string, (...args: unknown[]) => unknown>;
    expect(() => {
      helpdock['setLocale']!('xx');
      helpdock['update']!('dark');
      helpdock['update']!({ appId: 'other' });
      helpdock['track']!('bad name!');
      helpdock['on']!('explode', () => undefined);
      helpdock['on']!('open', 'not a function');
      helpdock['showNewMessage']!(42);
      helpdock['boot']!('nonsense');
    }).not.toThrow();
    expect(warn.mock.calls.map((c) => c[0])).toEqual([
      '[helpdock] setLocale: unknown locale "xx"',
      '[helpdock] update: expects an object such as { theme: { accent: "#0a7" } }',
      '[helpdock] update: cannot change appId while running (only locale, strings, theme); shutdown and boot instead',
      '[helpdock] track: event name "bad name!" must be 1–64 letters, digits or ._:-',
      '[helpdock] on: unknown event "explode" (known: ready, open, close, message, unread, ticket, context, error)',
      '[helpdock] on: the handler for "open" must be a function',
      '[helpdock] showNewMessage: text must be a string',
      '[helpdock] boot: expects a config object such as { appId: "your-app" }',
    ]);
  });

  it('keeps running when a host handler throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const helpdock = boot();
    const after: string[] = [];
    helpdock.on('open', () => {
      throw new Error('host bug');
    });
    helpdock.on('open', () => after.push('still called'));
    helpdock.open();
    await waitFor(() => expect(after).toEqual(['still called']));
    expect(warn).toHaveBeenCalledWith('[helpdock] a "open" handler threw:', expect.any(Error));
  });

  it('shutdown removes the widget and boot brings it back, with the same handlers', async () => {
    const helpdock = boot();
    let ready = 0;
    helpdock.on('ready', () => ready++);
    // The launcher paints a moment before the core behind it is ready.
    await waitFor(() => expect(ready).toBe(1));
    expect(launcher()).not.toBeNull();
    helpdock.shutdown();
    await waitFor(() => expect(document.getElementById('helpdock-root')).toBeNull());
    helpdock.boot(config);
    await waitFor(() => expect(ready).toBe(2));
    expect(launcher()).not.toBeNull();
  });
});

describe('unread', () => {
  it('counts replies that arrive while the chat is closed, shows them on the launcher, and clears on open', async () => {
    const helpdock = (instance = createHelpdock(config));
    const counts: number[] = [];
    helpdock.on('unread', ({ count }) => counts.push(count));
    helpdock.showNewMessage('How do I restart my instance?');
    await waitFor(() => expect(dialog()?.querySelector('textarea')).toBeTruthy());
    // Sent, then closed at once: the bot's answer arrives unseen.
    const form = dialog()!.querySelector('textarea')!.closest('form')!;
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    helpdock.close();
    await waitFor(() => expect(counts).toContain(1));
    expect(launcher()?.getAttribute('aria-label')).toBe('Open support chat, 1 unread');
    helpdock.open();
    await waitFor(() => expect(counts.at(-1)).toBe(0));
  });
});
