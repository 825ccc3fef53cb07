import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agent } from '@helpdock/protocol';
import { TicketView } from '../src/views/TicketView.tsx';
import { ticket } from './fixtures.ts';
import { renderWithI18n } from './render.tsx';

const ana: Agent = { id: 'a1', appId: 'demo', name: 'Ana Silva', email: 'ana@demo.helpdock.dev' };
const HOSTILE = '<img src=x onerror=alert(1)>';
const actions = { claim: async () => ({ ok: true as const }), resolve: async () => ({ ok: true as const }), send: async () => ({ ok: false as const, error: { code: 'network' as const, message: 'x' } }) };

afterEach(cleanup);

describe('what the bot learned, in the ticket', () => {
  const t = ticket({
    priority: 'P1',
    tier: 'L1',
    category: 'compute',
    tags: ['ecs', 'urgent'],
    intake: [
      { field: 'region', value: 'cn-hangzhou', source: 'context' },
      { field: 'resource', value: HOSTILE, source: 'text' },
      { field: 'started', value: 'last_hour', source: 'choice' },
    ],
    actions: [{ action: 'cdn.purge', ok: false, text: 'Domain is not verified.', at: '2025-01-01T00:00:00.000Z' }],
  });
  const open = { ticketId: t.id, ticket: t, messages: [], loading: false, error: null };

  it('shows category and priority in the header and the intake answers and actions on the side, as text', async () => {
    const { container } = await renderWithI18n(<TicketView open={open} me={ana} actions={actions} />);
    const header = screen.getByRole('banner');
    expect(header.textContent).toContain('compute');
    expect(header.textContent).toContain('P1');
    const side = screen.getByRole('region', { name: 'From the bot' });
    expect(side.textContent).toContain('ecs, urgent');
    expect(side.textContent).toContain('Regioncn-hangzhou (from the page)');
    expect(side.textContent).toContain('Within the last hour (chosen)');
    expect(side.textContent).toContain(`${HOSTILE} (typed)`);
    expect(side.textContent).toContain('cdn.purge failed: Domain is not verified.');
    expect(container.querySelector('img')).toBeNull();
  });

  it('says it in Chinese for a Chinese-speaking agent', async () => {
    await renderWithI18n(<TicketView open={open} me={ana} actions={actions} />, 'zh-CN');
    expect(screen.getByRole('region', { name: '机器人收集的信息' }).textContent).toContain('一小时内');
  });
});
