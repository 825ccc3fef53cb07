import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agent, UpdateTicket } from '@helpdock/protocol';
import { quoteArticle } from '../src/kb.ts';
import { TicketView, type TicketActions } from '../src/views/TicketView.tsx';
import { message, ticket } from './fixtures.ts';
import { renderWithI18n } from './render.tsx';

const ana: Agent = { id: 'a1', appId: 'demo', name: 'Ana Silva', email: 'ana@demo.helpdock.dev' };
afterEach(cleanup);

function view(extra: { visitorReceipts?: { delivered: number; read: number } } = {}) {
  const updates: UpdateTicket[] = [];
  const actions: TicketActions = {
    claim: async () => ({ ok: true }),
    resolve: async () => ({ ok: true }),
    send: async () => ({ ok: true, message: message(9) }),
    update: async (req) => (updates.push(req), { ok: true }),
    escalate: async () => ({ ok: true }),
    transfer: async () => ({ ok: true }),
  };
  const t = ticket({ id: 't1', conversationId: 'c1', status: 'in_progress', assignee: { id: 'a1', name: 'Ana Silva' }, category: 'compute' });
  const open = { ticketId: 't1', ticket: t, messages: [message(1), message(2, { author: 'agent' as const, authorName: 'Ana Silva', text: 'Try again now' })], loading: false, error: null, ...extra };
  const canned = [
    { id: 'hello', title: 'Greeting', text: 'Hi, thanks for reaching out!' },
    { id: 'wait', title: 'One moment', text: 'Let me check that for you.' },
  ];
  return { updates, render: () => renderWithI18n(<TicketView open={open} me={ana} actions={actions} cannedReplies={canned} />) };
}

describe('agent tools beside the conversation', () => {
  it('puts a canned reply into the reply box after what the agent already wrote', async () => {
    await view().render();
    const reply = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement;
    fireEvent.input(reply, { target: { value: 'Hello Sam,' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Canned reply' }), { target: { value: 'wait' } });
    await waitFor(() => expect(reply.value).toBe('Hello Sam,\nLet me check that for you.'));
  });

  it('changes the ticket category', async () => {
    const { updates, render } = view();
    await render();
    const box = screen.getByRole('textbox', { name: 'Category' }) as HTMLInputElement;
    expect(box.value).toBe('compute');
    fireEvent.input(box, { target: { value: 'billing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set category' }));
    await waitFor(() => expect(updates).toEqual([{ ticketId: 't1', category: 'billing' }]));
  });

  it('says when the visitor has seen the latest reply', async () => {
    await view({ visitorReceipts: { delivered: 2, read: 1 } }).render();
    expect(screen.getByText('Delivered to the visitor')).toBeTruthy();
    cleanup();
    await view({ visitorReceipts: { delivered: 2, read: 2 } }).render();
    expect(screen.getByText('Seen by the visitor')).toBeTruthy();
  });

  it('quotes an article as its title and first paragraph, without Markdown', () => {
    expect(quoteArticle({ id: 'a', title: 'Raise a quota', body: '# Raise a quota\n\nOpen **Quotas** and see [the guide](https://x).\n\nMore.' })).toBe(
      'Raise a quota: Open Quotas and see the guide.',
    );
  });
});
