import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HelpdockEventName, HelpdockEvents } from '../src/api.ts';
import { createHelpdock, type Helpdock } from '../src/index.ts';
import { bootFromLoader, type LoaderStub } from '../src/script-tag.ts';
import { createCrisp, installCrisp } from '../src/shims/crisp.ts';
import { createIntercom, installIntercom } from '../src/shims/intercom.ts';
import { createZendesk, installZendesk } from '../src/shims/zendesk.ts';

type HostWindow = Window & { Helpdock?: LoaderStub; Intercom?: unknown; intercomSettings?: unknown; $crisp?: unknown; CRISP_RUNTIME_CONFIG?: unknown; zE?: unknown };
const host = window as HostWindow;
const waitFor = vi.waitFor;
const dialog = () => document.getElementById('helpdock-root')?.shadowRoot?.querySelector('[role="dialog"]') ?? null;

/**
 * The Helpdock side as a shim sees it: every command it gives, in order, and
 * the handlers it registers, so a test can play the widget's events back.
 */
function recorder() {
  const calls: unknown[][] = [];
  const handlers = new Map<string, Array<(payload: unknown) => void>>();
  const dispatch = (name: string, ...args: unknown[]) => {
    calls.push([name, ...args]);
    if (name === 'on') handlers.set(args[0] as string, [...(handlers.get(args[0] as string) ?? []), args[1] as (p: unknown) => void]);
    return undefined;
  };
  const emit = <E extends HelpdockEventName>(event: E, payload: HelpdockEvents[E]) => {
    for (const h of handlers.get(event) ?? []) h(payload);
  };
  // What the shim asked for, without its event registrations.
  const commands = () => calls.filter((c) => c[0] !== 'on');
  return { calls, dispatch, emit, commands };
}

let warn: ReturnType<typeof vi.spyOn>;
let instance: Helpdock | null = null;
const warnings = () => warn.mock.calls.map((c: unknown[]) => String(c[0]));

beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
});

afterEach(() => {
  instance?.shutdown();
  instance = null;
  host.Helpdock?.('shutdown');
  for (const key of ['Helpdock', 'Intercom', 'intercomSettings', '$crisp', 'CRISP_RUNTIME_CONFIG', 'zE'] as const) delete host[key];
  document.body.innerHTML = '';
  localStorage.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const message = (author: 'visitor' | 'agent' | 'bot', text: string) => ({ id: `m-${text}`, author, text, createdAt: '2026-01-02T03:04:05.000Z', ...(author === 'agent' ? { authorName: 'Ana Silva' } : {}) });

describe('the Intercom shim', () => {
  it('boots a verified user with user_id and user_hash, and sends the rest as context', () => {
    const hd = recorder();
    const Intercom = createIntercom(hd.dispatch);
    Intercom('boot', {
      app_id: 'abc123',
      user_id: 42,
      user_hash: 'f00d',
      name: 'Jane Doe',
      email: 'jane@example.com',
      created_at: 1700000000,
      company: { company_id: 'acme-1', name: 'Acme', plan: 'enterprise' },
      region: 'eu-west-1',
      seats: 12,
      language_override: 'de',
      alignment: 'left',
      horizontal_padding: 40,
      action_color: '#0a7f5a',
    });
    expect(hd.commands()).toEqual([
      ['boot'],
      ['identify', { id: '42' }, { token: 'f00d' }],
      ['setLocale', 'de'],
      ['update', { theme: { position: 'bottom-left', offsetX: 40, accent: '#0a7f5a' } }],
      ['setContext', { accountId: 'acme-1', plan: 'enterprise', custom: { name: 'Jane Doe', email: 'jane@example.com', company: 'Acme', region: 'eu-west-1', seats: 12 } }],
    ]);
    expect(warnings()).toEqual([]);
  });

  it('keeps a user without user_hash anonymous and says why, once', () => {
    const hd = recorder();
    const Intercom = createIntercom(hd.dispatch);
    Intercom('update', { user_id: 'u1' });
    Intercom('update', { user_id: 'u1', nested: { a: 1 }, hide_default_launcher: true });
    expect(hd.commands().some((c) => c[0] === 'identify')).toBe(false);
    expect(warnings()).toEqual([
      expect.stringContaining('[helpdock] Intercom shim: user_id without user_hash stays anonymous'),
      expect.stringContaining('the attribute "nested" is not a string, number, boolean or null'),
      expect.stringContaining('the setting "hide_default_launcher" is not covered and was ignored'),
    ]);
    expect(hd.commands()).toEqual([]);
  });

  it('maps show, hide, showNewMessage, trackEvent and shutdown onto Helpdock commands', () => {
    const hd = recorder();
    const Intercom = createIntercom(hd.dispatch);
    Intercom('boot', { user_id: 'u1', user_hash: 'h' });
    hd.calls.length = 0;
    Intercom('show');
    Intercom('hide');
    Intercom('showNewMessage', 'My bucket is gone');
    Intercom('showNewMessage');
    Intercom('trackEvent', 'invited-friend', { count: 3, nested: { no: true } });
    Intercom('update');
    Intercom('shutdown');
    expect(hd.commands()).toEqual([
      ['open'],
      ['close'],
      ['showNewMessage', 'My bucket is gone'],
      ['showNewMessage'],
      ['track', 'invited-friend', { count: 3 }],
      ['shutdown'],
      // Intercom's shutdown is a sign-out: the next boot starts anonymous.
      ['identify', null],
    ]);
  });

  it('calls onUnreadCountChange, onShow and onHide callbacks from Helpdock events', () => {
    const hd = recorder();
    const Intercom = createIntercom(hd.dispatch);
    const seen: unknown[] = [];
    Intercom('onUnreadCountChange', (n: number) => seen.push(`unread ${n}`));
    Intercom('onShow', () => seen.push('show'));
    Intercom('onHide', () => seen.push('hide'));
    Intercom('onUnreadCountChange', () => {
      throw new Error('host bug');
    });
    hd.emit('unread', { count: 2 });
    hd.emit('open', {});
    hd.emit('close', {});
    expect(seen).toEqual(['unread 2', 'show', 'hide']);
    expect(warnings()).toEqual([expect.stringContaining('an onUnreadCountChange callback threw')]);
  });

  it('warns once per unsupported command and never throws into the page', () => {
    const hd = recorder();
    const Intercom = createIntercom(hd.dispatch);
    expect(() => {
      Intercom('startTour', 123);
      Intercom('startTour', 123);
      Intercom('getVisitorId');
      Intercom('onShow', 'not a function');
      Intercom('boot', 'nonsense');
      (Intercom as (...a: unknown[]) => unknown)(undefined);
    }).not.toThrow();
    expect(warnings()).toEqual([
      "[helpdock] Intercom shim: Intercom('startTour') is not covered and was ignored (see docs/migration.md)",
      "[helpdock] Intercom shim: Intercom('getVisitorId') is not covered and was ignored (see docs/migration.md)",
      "[helpdock] Intercom shim: Intercom('onShow', callback) expects a function (see docs/migration.md)",
      "[helpdock] Intercom shim: Intercom('boot', settings) expects an object (see docs/migration.md)",
      "[helpdock] Intercom shim: Intercom('undefined') is not covered and was ignored (see docs/migration.md)",
    ]);
  });

  it('takes over the snippet’s queue and intercomSettings, and the loader’s queue takes the calls', () => {
    host.intercomSettings = { app_id: 'abc123', plan_name: 'pro' };
    const stub = Object.assign((...args: unknown[]) => void stub.q.push(args), { q: [] as unknown[][] });
    host.Intercom = stub;
    // Intercom's snippet queues `arguments` objects.
    (function (..._args: unknown[]) {
      stub.q.push(arguments as unknown as unknown[]);
    })('showNewMessage', 'Hello');
    installIntercom(host);
    expect(typeof host.Intercom).toBe('function');
    expect(host.Intercom).not.toBe(stub);
    // No loader yet: the shim leaves the loader's queue, in the order the page called.
    expect(host.Helpdock?.q).toEqual([['boot'], ['setContext', { custom: { plan_name: 'pro' } }], ['showNewMessage', 'Hello']]);
  });

  it('opens a real widget with the composer prefilled, through the script tag', async () => {
    host.Helpdock = Object.assign(() => undefined, { config: { appId: 'demo', serverUrl: 'https://help.example.com' } });
    bootFromLoader(host);
    const Intercom = installIntercom(host);
    Intercom('showNewMessage', 'My instance will not start');
    await waitFor(() => expect(dialog()?.querySelector('textarea')?.value).toBe('My instance will not start'));
    Intercom('hide');
    await waitFor(() => expect(dialog()).toBeNull());
  });
});

describe('the Crisp shim', () => {
  it('maps the common do and set commands', () => {
    const hd = recorder();
    const $crisp = createCrisp(hd.dispatch);
    $crisp.push(['do', 'chat:open']);
    $crisp.push(['do', 'chat:close'], ['do', 'chat:toggle']);
    $crisp.push(['do', 'message:send', ['text', 'Hello there']]);
    $crisp.push(['set', 'user:email', ['jane@example.com']]);
    $crisp.push(['set', 'user:nickname', ['Jane']]);
    $crisp.push(['set', 'user:company', ['Acme', { url: 'https://acme.example' }]]);
    $crisp.push(['set', 'session:data', [[['plan', 'pro'], ['seats', 12]]]]);
    $crisp.push(['set', 'session:data', ['region', 'eu-west-1']]);
    $crisp.push(['set', 'session:segments', [['vip', 'beta']]]);
    $crisp.push(['do', 'session:reset']);
    $crisp.push(['safe', true]);
    expect(hd.commands()).toEqual([
      ['open'],
      ['close'],
      ['toggle'],
      ['showNewMessage', 'Hello there'],
      ['setContext', { custom: { email: 'jane@example.com' } }],
      ['setContext', { custom: { name: 'Jane' } }],
      ['setContext', { custom: { company: 'Acme' } }],
      ['setContext', { custom: { plan: 'pro', seats: 12 } }],
      ['setContext', { custom: { region: 'eu-west-1' } }],
      ['setContext', { custom: { segments: 'vip,beta' } }],
      ['shutdown'],
      ['boot'],
    ]);
    expect(warnings()).toEqual([]);
  });

  it('hands message:received the operator’s messages only, and off stops it', () => {
    const hd = recorder();
    const $crisp = createCrisp(hd.dispatch);
    const received: unknown[] = [];
    const sent: unknown[] = [];
    $crisp.push(['on', 'message:received', (m: unknown) => received.push(m)]);
    $crisp.push(['on', 'message:sent', (m: unknown) => sent.push(m)]);
    hd.emit('message', message('visitor', 'my bucket'));
    hd.emit('message', message('agent', 'looking now'));
    expect(received).toEqual([
      { type: 'text', content: 'looking now', from: 'operator', origin: 'chat', fingerprint: 'm-looking now', timestamp: Date.parse('2026-01-02T03:04:05.000Z'), user: { nickname: 'Ana Silva' } },
    ]);
    expect(sent).toMatchObject([{ content: 'my bucket', from: 'user' }]);
    $crisp.push(['off', 'message:received']);
    hd.emit('message', message('agent', 'anything else?'));
    expect(received).toHaveLength(1);
  });

  it('answers is("chat:opened") from the widget’s events', () => {
    const hd = recorder();
    const $crisp = createCrisp(hd.dispatch);
    expect($crisp.is('chat:opened')).toBe(false);
    hd.emit('open', {});
    expect($crisp.is('chat:opened')).toBe(true);
    expect($crisp.is('chat:closed')).toBe(false);
  });

  it('warns once per unsupported command, and never throws', () => {
    const hd = recorder();
    const $crisp = createCrisp(hd.dispatch);
    expect(() => {
      $crisp.push(['do', 'message:show', ['text', 'hi']]);
      $crisp.push(['do', 'message:show', ['text', 'hi']]);
      $crisp.push(['do', 'message:send', ['file', { url: 'x' }]]);
      $crisp.push(['config', 'color:theme', ['red']]);
      $crisp.push('chat:open');
      $crisp.push(['on', 'message:received', 'nope']);
      $crisp.get('user:email');
      $crisp.push(['do', 'chat:hide']);
    }).not.toThrow();
    expect(warnings()).toEqual([
      '[helpdock] Crisp shim: $crisp.push(["do", "message:show", …]) is not covered and was ignored (see docs/migration.md)',
      '[helpdock] Crisp shim: ["do", "message:send", ["file", …]]: only text messages are covered (see docs/migration.md)',
      '[helpdock] Crisp shim: $crisp.push(["config", "color:theme", …]) is not covered and was ignored (see docs/migration.md)',
      '[helpdock] Crisp shim: $crisp.push expects commands such as ["do", "chat:open"] (see docs/migration.md)',
      '[helpdock] Crisp shim: ["on", "message:received", handler]: the handler must be a function (see docs/migration.md)',
      '[helpdock] Crisp shim: $crisp.get("user:email") is not covered (see docs/migration.md)',
      '[helpdock] Crisp shim: ["do", "chat:hide"] closes the chat; the launcher itself stays on the page (see docs/migration.md)',
    ]);
  });

  it('runs the commands Crisp’s snippet queued, and CRISP_RUNTIME_CONFIG’s locale', async () => {
    host.$crisp = [['set', 'user:nickname', ['Jane']], ['do', 'message:send', ['text', 'Where is my invoice?']]];
    host.CRISP_RUNTIME_CONFIG = { locale: 'fr' };
    (host as unknown as { CRISP_WEBSITE_ID: string }).CRISP_WEBSITE_ID = 'c0ffee';
    host.Helpdock = Object.assign(() => undefined, { config: { appId: 'demo', serverUrl: 'https://help.example.com' } });
    bootFromLoader(host);
    installCrisp(host);
    await waitFor(() => expect(dialog()?.querySelector('textarea')?.value).toBe('Where is my invoice?'));
    await waitFor(() => expect(dialog()?.closest('[lang]')?.getAttribute('lang') ?? document.getElementById('helpdock-root')?.shadowRoot?.querySelector('[lang]')?.getAttribute('lang')).toBe('fr'));
    delete (host as unknown as { CRISP_WEBSITE_ID?: string }).CRISP_WEBSITE_ID;
  });
});

describe('the Zendesk shim', () => {
  const jwt = (claims: object) => `eyJhbGciOiJIUzI1NiJ9.${btoa(JSON.stringify(claims)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

  it('maps messenger commands, events and settings', () => {
    const hd = recorder();
    const zE = createZendesk(hd.dispatch);
    const seen: unknown[] = [];
    zE('messenger', 'open');
    zE('messenger', 'close');
    zE('messenger', 'show');
    zE('messenger:on', 'open', () => seen.push('open'));
    zE('messenger:on', 'close', () => seen.push('close'));
    zE('messenger:on', 'unreadMessages', (n: number) => seen.push(`unread ${n}`));
    zE('messenger:set', 'locale', 'ja');
    zE('messenger:set', 'conversationFields', [{ id: '360001', value: 'pro' }, { id: 'region', value: 'eu-west-1' }]);
    zE('messenger:set', 'conversationTags', ['vip', 'beta']);
    zE('messenger:set', 'zIndex', 9000);
    zE('messenger', 'logoutUser');
    hd.emit('open', {});
    hd.emit('unread', { count: 1 });
    hd.emit('close', {});
    expect(hd.commands()).toEqual([
      ['open'],
      ['close'],
      ['setLocale', 'ja'],
      ['setContext', { custom: { '360001': 'pro', region: 'eu-west-1' } }],
      ['setContext', { custom: { tags: 'vip,beta' } }],
      ['update', { theme: { zIndex: 9000 } }],
      ['identify', null],
    ]);
    expect(seen).toEqual(['open', 'unread 1', 'close']);
    expect(warnings()).toEqual([]);
  });

  it('logs a user in with the token loginUser hands over, and reports a token that names no one', () => {
    const hd = recorder();
    const zE = createZendesk(hd.dispatch);
    const token = jwt({ sub: 'user-42', exp: 2000000000 });
    const results: unknown[] = [];
    zE('messenger', 'loginUser', (callback: (t: string) => void) => callback(token), (error?: unknown) => results.push(error ?? 'ok'));
    zE('messenger', 'loginUser', (callback: (t: string) => void) => callback('not-a-jwt'), (error?: unknown) => results.push(error));
    expect(hd.commands()).toEqual([['identify', { id: 'user-42' }, { token }]]);
    expect(results).toEqual(['ok', { type: 'invalid_token', reason: 'The token names no user' }]);
    expect(warnings()).toEqual([expect.stringContaining('loginUser: the token must be a JWT whose "sub"')]);
  });

  it('warns once per unsupported call, runs zE(fn), and never throws', () => {
    const hd = recorder();
    const zE = installZendesk(host);
    expect(host.zE).toBe(zE);
    const ready = vi.fn();
    expect(() => {
      zE(ready);
      zE('webWidget', 'open');
      zE('webWidget', 'open');
      zE('messenger:set', 'cookies', false);
      zE('messenger:on', 'unreadMessages', 'nope');
      zE('messenger', 'loginUser', () => {
        throw new Error('backend down');
      });
    }).not.toThrow();
    expect(ready).toHaveBeenCalledOnce();
    expect(warnings()).toEqual([
      "[helpdock] Zendesk shim: zE('webWidget', 'open') is not covered and was ignored (see docs/migration.md)",
      "[helpdock] Zendesk shim: zE('messenger:set', 'cookies') is not covered and was ignored (see docs/migration.md)",
      "[helpdock] Zendesk shim: zE('messenger:on', 'unreadMessages', callback): callback must be a function (see docs/migration.md)",
      '[helpdock] Zendesk shim: a callback threw:',
    ]);
    void hd;
  });

  it('opens and closes a real npm instance', async () => {
    instance = createHelpdock({ appId: 'demo', serverUrl: 'https://help.example.com' });
    const zE = createZendesk(instance);
    const opened = vi.fn();
    zE('messenger:on', 'open', opened);
    zE('messenger', 'open');
    await waitFor(() => expect(dialog()).not.toBeNull());
    expect(opened).toHaveBeenCalledOnce();
    zE('messenger', 'close');
    await waitFor(() => expect(dialog()).toBeNull());
  });
});
