import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installLoader } from '../src/loader/install.ts';
import { bootFromLoader, type LoaderStub } from '../src/script-tag.ts';

type HostWindow = Window & { Helpdock?: LoaderStub };
const host = window as HostWindow;
const waitFor = vi.waitFor;

const shadow = () => document.getElementById('helpdock-root')?.shadowRoot ?? null;
/** The button, dialog or textbox a user would find by its accessible name. */
function byName(role: 'button' | 'dialog' | 'textbox', name: string): HTMLElement | null {
  const root = shadow();
  if (!root) return null;
  const candidates = Array.from(root.querySelectorAll<HTMLElement>(role === 'button' ? 'button' : role === 'textbox' ? 'textarea' : '[role="dialog"]'));
  return candidates.find((el) => {
    const label = el.id ? root.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (el.getAttribute('aria-label') ?? label ?? el.textContent)?.trim() === name;
  }) ?? null;
}

function addScriptTag(attrs: Record<string, string>) {
  const script = document.createElement('script');
  // Not executable here: the test only needs the tag the loader looks for.
  script.type = 'text/plain';
  for (const [k, v] of Object.entries(attrs)) script.setAttribute(k, v);
  document.body.append(script);
  return script;
}

beforeEach(() => {
  // These tests are about the host API; opening the chat warms the knowledge base, which here is offline.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});

afterEach(() => {
  vi.unstubAllGlobals();
  host.Helpdock?.('shutdown');
  delete host.Helpdock;
  document.body.innerHTML = '';
  localStorage.clear();
  vi.restoreAllMocks();
});

describe('the script-tag loader', () => {
  it('queues calls made before the widget loads, and loads at once when the chat is asked for', () => {
    addScriptTag({ src: 'https://help.example.com/widget/loader.js', 'data-app-id': 'demo' });
    const load = vi.fn(() => new Promise<unknown>(() => undefined));
    installLoader(host, load);
    expect(typeof host.Helpdock).toBe('function');
    expect(host.Helpdock?.config).toMatchObject({ appId: 'demo', serverUrl: 'https://help.example.com' });
    host.Helpdock?.('setLocale', 'en');
    expect(load).not.toHaveBeenCalled();
    host.Helpdock?.('open');
    expect(load).toHaveBeenCalledWith('https://help.example.com/widget/widget.js');
    expect(host.Helpdock?.q).toEqual([['setLocale', 'en'], ['open']]);
  });

  it('takes its server from data-server and keeps calls queued by an earlier snippet', () => {
    host.Helpdock = Object.assign(() => undefined, { q: [['toggle']] });
    addScriptTag({ src: 'https://cdn.example.com/hd/loader.js?v=1', 'data-app-id': 'demo', 'data-server': 'https://help.example.com', 'data-locale': 'zh-CN' });
    const load = vi.fn(() => Promise.reject(new Error('offline')));
    expect(() => installLoader(host, load)).not.toThrow();
    expect(host.Helpdock?.config).toEqual({ appId: 'demo', serverUrl: 'https://help.example.com', locale: 'zh-CN' });
    expect(load).toHaveBeenCalledWith('https://cdn.example.com/hd/widget.js');
  });

  it('does nothing, and throws nothing, without its script tag', () => {
    expect(() => installLoader(host, vi.fn())).not.toThrow();
    expect(host.Helpdock).toBeUndefined();
  });

  it('replays the queued calls once the widget arrives, then answers live', async () => {
    addScriptTag({ src: 'https://help.example.com/widget/loader.js', 'data-app-id': 'demo' });
    installLoader(host, () => new Promise(() => undefined));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    host.Helpdock?.('showNewMessage', 'My instance will not start');
    host.Helpdock?.('frobnicate');
    host.Helpdock?.('frobnicate');

    bootFromLoader(host);
    expect(host.Helpdock?.loaded).toBe(true);
    await waitFor(() => expect(byName('dialog', 'Support chat')).not.toBeNull(), { timeout: 3000 });
    expect((byName('textbox', 'Message') as HTMLTextAreaElement).value).toBe('My instance will not start');
    expect(warn.mock.calls).toEqual([['[helpdock] unknown command "frobnicate"']]);

    host.Helpdock?.('close');
    await waitFor(() => expect(byName('dialog', 'Support chat')).toBeNull());
    expect(byName('button', 'Open support chat')).not.toBeNull();

    host.Helpdock?.('setLocale', 'xx');
    await waitFor(() => expect(warn).toHaveBeenLastCalledWith('[helpdock] setLocale: unknown locale "xx"'));
    host.Helpdock?.('setLocale', 'zh-CN');
    await waitFor(() => expect(byName('button', '打开客服聊天')).not.toBeNull());
  });

  it('forgets the visitor on shutdown (sign-out), and boots again on request', async () => {
    addScriptTag({ src: 'https://help.example.com/widget/loader.js', 'data-app-id': 'demo' });
    installLoader(host, () => new Promise(() => undefined));
    localStorage.setItem('helpdock:visitor-token:demo', 'tok');
    bootFromLoader(host);
    host.Helpdock?.('open');
    await waitFor(() => expect(byName('dialog', 'Support chat')).not.toBeNull(), { timeout: 3000 });
    expect(localStorage.getItem('helpdock:conversation:demo')).toContain('"open":true');
    host.Helpdock?.('shutdown');
    await waitFor(() => expect(document.getElementById('helpdock-root')).toBeNull());
    expect(localStorage.getItem('helpdock:visitor-token:demo')).toBeNull();
    expect(localStorage.getItem('helpdock:conversation:demo')).toBeNull();
    host.Helpdock?.('boot');
    await waitFor(() => expect(byName('button', 'Open support chat')).not.toBeNull(), { timeout: 3000 });
  });

  it('waits for an explicit boot when the tag has no app id', async () => {
    addScriptTag({ src: 'https://help.example.com/widget/loader.js' });
    installLoader(host, () => new Promise(() => undefined));
    host.Helpdock?.('open');
    bootFromLoader(host);
    expect(document.getElementById('helpdock-root')).toBeNull();
    host.Helpdock?.('boot', { appId: 'demo' });
    await waitFor(() => expect(document.getElementById('helpdock-root')).not.toBeNull());
  });
});

describe('window.helpdockSettings', () => {
  it('configures the widget from the page, over the tag’s attributes', () => {
    addScriptTag({ src: 'https://help.example.com/widget/loader.js', 'data-app-id': 'demo' });
    (host as HostWindow & { helpdockSettings?: object }).helpdockSettings = { appId: 'console', locale: 'zh-CN', theme: { accent: '#0a7f5a' } };
    installLoader(host, () => new Promise(() => undefined));
    expect(host.Helpdock?.config).toEqual({ appId: 'console', serverUrl: 'https://help.example.com', locale: 'zh-CN', theme: { accent: '#0a7f5a' } });
    delete (host as HostWindow & { helpdockSettings?: object }).helpdockSettings;
  });
});
