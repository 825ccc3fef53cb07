import { fireEvent, waitFor, within } from '@testing-library/preact';
import { memoryStorage } from '@helpdock/adapters';
import { createHelpdockCore, type ContextSource, type HelpProvider } from '@helpdock/core';
import { changeLocale, createI18n } from '@helpdock/i18n';
import type { ContextSnapshot, Incident } from '@helpdock/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { mountUi, type MountedUi } from '../src/index.ts';
import { bot, fakeAgents } from './fixtures.ts';

const quota = {
  id: 'quota',
  locale: 'en',
  title: 'Raise a quota',
  tags: [],
  products: ['ecs'],
  errorCodes: ['QuotaExceeded'],
  body: '## Steps\n\n1. Open **Quotas**\n2. Ask for more\n\nSee [the docs](https://docs.example.com/q) or [this](javascript:alert(1)).\n\n<img src=x onerror="alert(1)">',
};
const restart = { id: 'restart', locale: 'en', title: 'Restart an instance', tags: [], products: ['ecs'], body: 'Choose Restart.' };

let mounted: MountedUi | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

async function mountWithContext(incidents: Incident[] = []) {
  let current: ContextSnapshot = { url: 'https://c.example/ecs/cn-hangzhou/instances/i-bp1a2b3c4d5e6f7g8h9i', product: 'ecs', region: 'cn-hangzhou', resources: [{ type: 'instance', id: 'i-bp1a2b3c4d5e6f7g8h9i' }] };
  const listeners = new Set<(c: ContextSnapshot) => void>();
  const context: ContextSource = { snapshot: () => current, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) };
  const votes: boolean[] = [];
  const help: HelpProvider = {
    search: async (q) => [quota, restart].filter((a) => a.title.toLowerCase().includes(q.toLowerCase())),
    forContext: async () => [restart],
    forErrorCode: async (code) => (code === 'QuotaExceeded' ? quota : null),
    article: async (id) => [quota, restart].find((a) => a.id === id) ?? null,
    feedback: async (_id, _l, helpful) => void votes.push(helpful),
  };
  let n = 0;
  const core = createHelpdockCore({
    appId: 'demo',
    storage: memoryStorage(),
    session: memoryStorage(),
    clock: { now: () => Date.now(), schedule: () => () => undefined },
    newId: () => `id-${++n}`,
    ports: { context, bot, help, status: { incidents: async () => incidents }, agent: () => fakeAgents().channel },
  });
  const i18n = await createI18n({ ns: 'widget', locale: 'en' });
  mounted = mountUi({ core, i18n });
  const ui = within(mounted.shadowRoot as unknown as HTMLElement);
  const move = (next: Partial<ContextSnapshot>) => {
    current = { ...current, ...next };
    for (const l of listeners) l(current);
  };
  return { core, ui, move, votes, i18n, shadowRoot: mounted.shadowRoot };
}

describe('context in the widget', () => {
  it('says where the user is and lists help for the page, with a search over the whole KB', async () => {
    const { ui } = await mountWithContext();
    fireEvent.click(ui.getByRole('button', { name: 'Open support chat' }));
    await ui.findByText('You are on: ECS › instance i-bp1a2b3c4d… › cn-hangzhou');
    const section = await ui.findByRole('region', { name: 'Help for this page' });
    expect(within(section).getByRole('button', { name: 'Restart an instance' })).toBeTruthy();
    fireEvent.input(ui.getByRole('searchbox', { name: 'Search help articles' }), { target: { value: 'quota' } });
    const results = await ui.findByRole('region', { name: 'Search results' });
    expect(within(results).getByRole('button', { name: 'Raise a quota' })).toBeTruthy();
  });

  it('nudges on a new error code without taking focus, and opens the article in the widget', async () => {
    const { ui, move, shadowRoot } = await mountWithContext();
    const before = document.activeElement;
    move({ errorCodes: ['QuotaExceeded'] });
    const nudge = await ui.findByRole('button', { name: 'Seeing QuotaExceeded? Here’s how to fix it' });
    expect(nudge.closest('[aria-live="polite"]')).toBeTruthy();
    expect(document.activeElement).toBe(before);
    expect(shadowRoot.activeElement).toBeNull();
    fireEvent.click(nudge);
    await ui.findByRole('heading', { name: 'Raise a quota' });
    expect(ui.queryByRole('button', { name: /Seeing QuotaExceeded/ })).toBeNull();
  });

  it('can dismiss the nudge', async () => {
    const { ui, move } = await mountWithContext();
    move({ errorCodes: ['QuotaExceeded'] });
    fireEvent.click(await ui.findByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(ui.queryByRole('button', { name: /Seeing QuotaExceeded/ })).toBeNull());
  });

  it('renders articles safely: a Markdown subset, links in a new tab with noopener, no raw HTML', async () => {
    const { ui, core, votes, shadowRoot } = await mountWithContext();
    await core.showArticle('quota');
    await ui.findByRole('heading', { name: 'Raise a quota' });
    expect(shadowRoot.querySelector('img')).toBeNull();
    expect(ui.getByText(/<img src=x onerror/)).toBeTruthy();
    const strong = ui.getByText('Quotas');
    expect(strong.tagName).toBe('STRONG');
    expect(strong.closest('ol')).toBeTruthy();
    const link = ui.getByRole('link', { name: /the docs/ });
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(ui.queryByRole('link', { name: /this/ })).toBeNull();
    // The article's styles came with its strings: the panel's own stylesheet does not carry them.
    const rules = (sheet: CSSStyleSheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n');
    expect(shadowRoot.adoptedStyleSheets.some((s) => rules(s).includes('.hd-article-body'))).toBe(true);
    fireEvent.click(ui.getByRole('button', { name: 'Yes' }));
    await ui.findByText('Thanks for your feedback!');
    expect(votes).toEqual([true]);
    fireEvent.click(ui.getByRole('button', { name: '← Back' }));
    await ui.findByRole('log', { name: 'Conversation' });
  });

  it('switches an open article to another language in place, the strings that came with it too', async () => {
    const { ui, core, i18n } = await mountWithContext();
    await core.showArticle('quota');
    await ui.findByText('Was this helpful?');
    // The article's strings are in the later file: a switch brings the new language's along before it re-renders.
    await changeLocale(i18n, 'de');
    await ui.findByText('War das hilfreich?');
    expect(ui.getByRole('button', { name: '← Zurück' })).toBeTruthy();
  });

  it('leads with a known incident for the user’s product and region', async () => {
    const incident: Incident = {
      id: 'inc_1', appId: 'demo', product: 'ecs', region: null, title: 'Instances slow to start', message: 'We are on it.',
      severity: 'major', status: 'active', startedAt: new Date().toISOString(), resolvedAt: null,
    };
    const { ui } = await mountWithContext([incident]);
    fireEvent.click(ui.getByRole('button', { name: 'Open support chat' }));
    await ui.findByText('Known issue: Instances slow to start');
  });

  it('runs the host’s check from the home view and shows what it found', async () => {
    const { ui, core } = await mountWithContext();
    core.setDiagnostics(() => ({ ok: false, summary: 'vCPU quota used up', checks: [{ name: 'Quota', ok: false, detail: '64/64' }] }));
    fireEvent.click(ui.getByRole('button', { name: 'Open support chat' }));
    fireEvent.click(await ui.findByRole('button', { name: 'Run a check' }));
    await ui.findByText('The check found a problem: vCPU quota used up');
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a human' }));
    await ui.findByText('This is what the agent will see');
    expect(ui.getByText('vCPU quota used up')).toBeTruthy();
  });
});
