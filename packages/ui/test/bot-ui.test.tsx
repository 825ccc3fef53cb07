import { fireEvent, waitFor, within } from '@testing-library/preact';
import type { BotProvider } from '@helpdock/core';
import { afterEach, describe, expect, it } from 'vitest';
import { mountUi, type MountedUi } from '../src/index.ts';
import { restartArticle, setup } from './fixtures.ts';

let mounted: MountedUi | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const purgeArticle = { ...restartArticle, id: 'cdn-purge', title: 'Purge the CDN cache', body: 'Use Refresh.' };
const richBot: BotProvider = {
  async reply(text) {
    if (/purge/i.test(text)) return { kind: 'answer', text: 'Use Refresh.', article: purgeArticle, action: { id: 'cdn.purge', label: 'Purge the CDN cache for this domain' } };
    if (/restart/i.test(text)) return { kind: 'answer', text: 'Open the instance page.', article: restartArticle, quickReplies: [{ kind: 'ask', text: 'Purge the CDN cache' }] };
    return { kind: 'unknown' };
  },
  async planHandoff() {
    return {
      category: 'compute',
      tags: ['ecs'],
      priority: 'P2',
      questions: [{ field: 'resource', choices: [{ value: 'instance i-1' }, { value: 'instance i-2' }] }, { field: 'started', choices: [{ value: 'today', i18n: true }] }],
      known: [{ field: 'region', value: 'cn-hangzhou', source: 'context' }],
    };
  },
};

async function open(bot: BotProvider = richBot) {
  const env = await setup(bot);
  mounted = mountUi({ core: env.core, i18n: env.i18n });
  const ui = within(mounted.shadowRoot as unknown as HTMLElement);
  fireEvent.click(ui.getByRole('button', { name: 'Open support chat' }));
  await ui.findByRole('dialog', { name: 'Support chat' });
  const ask = (text: string) => {
    const box = ui.getByRole('textbox', { name: 'Message' });
    fireEvent.input(box, { target: { value: text } });
    fireEvent.keyDown(box, { key: 'Enter' });
  };
  return { ...env, ui, ask };
}

describe('the bot in the widget', () => {
  it('asks "Did that solve it?" and offers follow-ups as buttons', async () => {
    const { ui, ask } = await open();
    ask('How do I restart?');
    await ui.findByRole('group', { name: 'Did that solve it?' });
    fireEvent.click(within(ui.getByRole('group', { name: 'Suggested replies' })).getByRole('button', { name: 'Purge the CDN cache' }));
    await ui.findByRole('button', { name: 'Purge the CDN cache for this domain' });
    const solved = ui.getAllByRole('group', { name: 'Did that solve it?' });
    fireEvent.click(within(solved.at(-1)!).getByRole('button', { name: 'Yes' }));
    await ui.findByText('Glad that helped!');
  });

  it('after two "no"s asks the intake questions with choices, then the ticket carries the answers', async () => {
    const { ui, ask, agents } = await open();
    ask('How do I restart?');
    fireEvent.click(within(await ui.findByRole('group', { name: 'Did that solve it?' })).getByRole('button', { name: 'No' }));
    await ui.findByText(/Sorry that didn't solve it/);
    ask('restart again?');
    await waitFor(() => expect(ui.getAllByRole('group', { name: 'Did that solve it?' })).toHaveLength(1));
    fireEvent.click(within(ui.getByRole('group', { name: 'Did that solve it?' })).getByRole('button', { name: 'No' }));
    await ui.findByText('Which resource is it about?', { exact: false });
    expect(ui.getByText(/Already known from this page: Region: cn-hangzhou/)).toBeTruthy();
    // "Talk to a human" is still there: never trapped in the questions.
    expect(ui.getByRole('button', { name: 'Talk to a human' })).toBeTruthy();
    fireEvent.click(ui.getByRole('button', { name: 'instance i-2' }));
    fireEvent.click(await ui.findByRole('button', { name: 'Earlier today' }));
    // What will be shared is shown first; the visitor sends it.
    fireEvent.click(await ui.findByRole('button', { name: 'Send to an agent' }));
    await ui.findByText('Ticket #7');
    expect(agents.handoffs[0]?.intake).toEqual([
      { field: 'region', value: 'cn-hangzhou', source: 'context' },
      { field: 'resource', value: 'instance i-2', source: 'choice' },
      { field: 'started', value: 'today', source: 'choice' },
    ]);
  });

  it('runs an article\'s action only after confirmation and shows the outcome', async () => {
    const { ui, ask, core } = await open();
    let runs = 0;
    core.registerAction('cdn.purge', () => {
      runs++;
      return { ok: false, message: 'Domain is not verified.' };
    });
    ask('purge please');
    fireEvent.click(await ui.findByRole('button', { name: 'Purge the CDN cache for this domain' }));
    expect(runs).toBe(0);
    fireEvent.click(await ui.findByRole('button', { name: 'Yes, run it' }));
    await ui.findByText('“Purge the CDN cache for this domain” did not work. Domain is not verified.');
    expect(runs).toBe(1);
  });
});
