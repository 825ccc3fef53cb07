import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mountUi, type MountedUi } from '../src/index.ts';
import { transcriptText } from '../src/panel/tickets/transcript-text.ts';
import { setup } from './fixtures.ts';

let mounted: MountedUi | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

async function handedOff() {
  const env = await setup();
  mounted = mountUi({ core: env.core, i18n: env.i18n });
  const ui = within(mounted.shadowRoot as unknown as HTMLElement);
  env.core.requestHuman();
  await waitFor(() => expect(env.core.store.getState().ticket).not.toBeNull());
  return { ...env, ui };
}

describe('unread replies on the launcher', () => {
  it('shows the count on the launcher and says it to screen readers, until the chat is opened', async () => {
    const { ui, agents } = await handedOff();
    agents.agentSays('I am on it');
    agents.agentSays('Try restarting now');
    const launcher = await ui.findByRole('button', { name: 'Open support chat (2 unread)' });
    expect(launcher.querySelector('.hd-badge')?.textContent).toBe('2');
    expect(launcher.querySelector('.hd-badge')?.getAttribute('aria-hidden')).toBe('true');
    fireEvent.click(launcher);
    await ui.findByRole('dialog', { name: 'Support chat' });
    expect(ui.getByRole('button', { name: 'Close support chat' }).querySelector('.hd-badge')).toBeNull();
    fireEvent.click(ui.getByRole('button', { name: 'Close support chat' }));
    // Read while open: closing again shows no badge.
    expect(ui.getByRole('button', { name: 'Open support chat' }).querySelector('.hd-badge')).toBeNull();
  });
});

describe('the transcript', () => {
  it('is plain text with names and times, markup left as typed', async () => {
    const { core, i18n } = await setup();
    const t = (key: string, params?: Record<string, string | number>) => i18n.t(key, { ...params }) as string;
    const text = transcriptText(
      [
        { id: '1', clientId: '1', author: 'visitor', text: 'Hi <b>there</b>', createdAt: '2025-01-01T10:00:00.000Z', seq: 1 },
        { id: '2', clientId: '2', author: 'agent', authorName: 'Ana Silva', text: 'Hello', createdAt: '2025-01-01T10:01:30.000Z', seq: 2 },
      ],
      null,
      t,
      new Date('2025-01-01T11:00:00.000Z'),
    );
    expect(text).toContain('[2025-01-01 10:00:00 UTC] You:\nHi <b>there</b>');
    expect(text).toContain('[2025-01-01 10:01:30 UTC] Ana Silva (Agent):\nHello');
    expect(text).toContain('Transcript saved 2025-01-01 11:00:00 UTC');
    core.destroy();
  });
});
