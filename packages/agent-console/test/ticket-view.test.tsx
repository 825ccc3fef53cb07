import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Agent, Message } from '@helpdock/protocol';
import type { OpenTicket } from '../src/connection.ts';
import type { Result } from '../src/errors.ts';
import type { Files } from '../src/files.ts';
import { TicketView, type TicketActions } from '../src/views/TicketView.tsx';
import { message, ticket } from './fixtures.ts';
import { renderWithI18n } from './render.tsx';

const HOSTILE = '<img src=x onerror=alert(1)>';
const ana: Agent = { id: 'a1', appId: 'demo', name: 'Ana Silva', email: 'ana@demo.helpdock.dev' };

afterEach(cleanup);

/** Records what the view asked for and answers like a server would. */
function recorder(answers: { send?: Result<{ message: Message }> } = {}) {
  const calls: { event: string; args: unknown[] }[] = [];
  const actions: TicketActions = {
    claim: async (...args) => (calls.push({ event: 'claim', args }), { ok: true }),
    resolve: async (...args) => (calls.push({ event: 'resolve', args }), { ok: true }),
    send: async (...args) => (calls.push({ event: 'send', args }), answers.send ?? { ok: true, message: message(99) }),
  };
  return { calls, actions };
}

function openTicket(overrides: Partial<OpenTicket> = {}): OpenTicket {
  const t = ticket({ id: 't1', number: 42, conversationId: 'c1', subject: HOSTILE, context: { url: 'javascript:alert(1)//<b>x</b>', title: HOSTILE, locale: 'en' } });
  return {
    ticketId: t.id,
    ticket: t,
    messages: [message(1, { text: HOSTILE }), message(2, { author: 'agent', authorName: 'Li Wei', text: 'On it' }), message(3, { author: 'system', text: 'Li Wei joined' })],
    loading: false,
    error: null,
    ...overrides,
  };
}

describe('ticket view', () => {
  it('shows a hostile message, subject and page URL as literal text', async () => {
    const { container } = await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={recorder().actions} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByText(HOSTILE)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain(HOSTILE);
    expect(screen.getByText('javascript:alert(1)//<b>x</b>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
  });

  it('names who wrote each line and sets system lines apart', async () => {
    await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={recorder().actions} />);
    const log = screen.getByRole('log', { name: 'Conversation' });
    expect(within(log).getByText('Visitor')).toBeTruthy();
    expect(within(log).getByText('Li Wei')).toBeTruthy();
    expect(within(log).getByText('Li Wei joined').closest('li')?.className).toContain('msg--system');
  });

  it('offers Claim on an unassigned ticket and not on one already mine', async () => {
    const { calls, actions } = recorder();
    const view = await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={actions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Claim' }));
    expect(calls).toEqual([{ event: 'claim', args: ['t1'] }]);

    const mine = openTicket();
    view.rerender(<TicketView open={{ ...mine, ticket: { ...mine.ticket!, status: 'in_progress', assignee: { id: 'a1', name: 'Ana Silva' } } }} me={ana} actions={actions} />);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Claim' })).toBeNull());
  });

  it('sends a reply on Enter and clears the box; Shift+Enter does not send', async () => {
    const { calls, actions } = recorder();
    await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={actions} />);
    const reply = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement;
    fireEvent.input(reply, { target: { value: 'First line' } });
    fireEvent.keyDown(reply, { key: 'Enter', shiftKey: true });
    expect(calls).toEqual([]);
    fireEvent.keyDown(reply, { key: 'Enter' });
    await waitFor(() => expect(reply.value).toBe(''));
    expect(calls).toHaveLength(1);
    const [conversationId, clientId, text] = calls[0]!.args as [string, string, string];
    expect(conversationId).toBe('c1');
    expect(text).toBe('First line');
    expect(clientId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  });

  it('keeps the text and says why when a reply is refused', async () => {
    const { calls, actions } = recorder({ send: { ok: false, error: { code: 'forbidden', message: 'not your ticket' } } });
    await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={actions} />);
    const reply = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement;
    fireEvent.input(reply, { target: { value: 'Hello there' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toBe('You are not allowed to do that');
    expect(reply.value).toBe('Hello there');
    // Retrying the same text reuses its idempotency key; the server stores it once.
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]!.args[1]).toBe(calls[0]!.args[1]);
  });

  it('keeps a reply over the size limit whole and does not send it', async () => {
    const { calls, actions } = recorder();
    await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={actions} />);
    const reply = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement;
    const long = 'y'.repeat(4100);
    fireEvent.input(reply, { target: { value: long } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect((await screen.findByRole('alert')).textContent).toContain('4100 / 4000');
    expect(reply.value).toBe(long);
    expect(calls).toHaveLength(0);
  });

  it('gives each new reply a fresh idempotency key', async () => {
    const { calls, actions } = recorder();
    await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={actions} />);
    const reply = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement;
    for (const text of ['one', 'one']) {
      fireEvent.input(reply, { target: { value: text } });
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
      await waitFor(() => expect(reply.value).toBe(''));
    }
    expect(calls[0]!.args[1]).not.toBe(calls[1]!.args[1]);
  });

  it('resolves the ticket with the written resolution', async () => {
    const { calls, actions } = recorder();
    await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={actions} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Resolution' }), { target: { value: 'Restarted the VM' } });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(calls).toEqual([{ event: 'resolve', args: ['t1', 'Restarted the VM'] }]));
  });

  it('shows the context and bot transcript beside the conversation', async () => {
    const open = openTicket();
    const withTranscript = { ...open, ticket: { ...open.ticket!, transcript: [{ author: 'bot' as const, text: 'Have you tried restarting?', at: '2030-01-01T09:59:00.000Z' }] } };
    await renderWithI18n(<TicketView open={withTranscript} me={ana} actions={recorder().actions} />);
    const side = screen.getByRole('complementary', { name: 'Context' });
    expect(within(side).getByText('Have you tried restarting?')).toBeTruthy();
    expect(within(side).getByText('Bot')).toBeTruthy();
  });
});

describe('attachments in the ticket view', () => {
  const image = { id: 'att_1', name: `${HOSTILE}.png`, type: 'image/png', kind: 'image' as const, size: 2048 };
  const log = { id: 'att_2', name: 'agent.log', type: 'text/plain', kind: 'log' as const, size: 1_500_000 };

  function withFiles(upload: Files['upload']) {
    const rec = recorder();
    const fetched: string[] = [];
    const files: Files = {
      upload,
      url: async (id) => (fetched.push(id), { ok: true, url: `blob:console/${id}` }),
    };
    return { ...rec, fetched, actions: { ...rec.actions, files } };
  }

  it('previews images from blob URLs and offers logs for download, names as text', async () => {
    const { actions, fetched } = withFiles(async () => ({ ok: false, error: { code: 'internal', message: '' } }));
    const open = openTicket({ messages: [message(1, { text: '', attachments: [image, log] })] });
    const { container } = await renderWithI18n(<TicketView open={open} me={ana} actions={actions} />);
    const log_ = screen.getByRole('log', { name: 'Conversation' });
    await waitFor(() => expect(within(log_).getByRole('img', { name: image.name }).getAttribute('src')).toBe('blob:console/att_1'));
    expect(within(log_).getByText(image.name)).toBeTruthy();
    expect(within(log_).getByText('1.4 MB')).toBeTruthy();
    expect(within(log_).getByRole('button', { name: 'Download agent.log' })).toBeTruthy();
    // Only the image is fetched up front; the log waits for its button.
    expect(fetched).toEqual(['att_1']);
    expect(container.querySelectorAll('img')).toHaveLength(1);
  });

  it('uploads a picked file and sends it as its own reply, keeping what was typed', async () => {
    const uploads: string[] = [];
    const { actions, calls } = withFiles(async (conversationId, file) => (uploads.push(`${conversationId}/${file.name}`), { ok: true, attachment: { ...image, id: 'att_9', name: file.name } }));
    const { container } = await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={actions} />);
    const box = screen.getByRole('textbox', { name: 'Reply' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'half a reply' } });
    expect(screen.getByRole('button', { name: 'Attach a file' })).toBeTruthy();
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'fix.png', { type: 'image/png' })], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(calls.filter((c) => c.event === 'send')).toHaveLength(1));
    expect(uploads).toEqual(['c1/fix.png']);
    expect(calls.find((c) => c.event === 'send')?.args).toEqual(['c1', expect.any(String), '', ['att_9']]);
    expect(box.value).toBe('half a reply');
  });

  it('says why an upload was refused', async () => {
    const { actions, calls } = withFiles(async () => ({ ok: false, error: { code: 'unsupported_type', message: 'markup (HTML, SVG, XML) cannot be attached; only plain-text logs' } }));
    const { container } = await renderWithI18n(<TicketView open={openTicket()} me={ana} actions={actions} />);
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['<svg/>'], 'logo.svg')], configurable: true });
    fireEvent.change(input);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This file type cannot be attached — markup (HTML, SVG, XML) cannot be attached; only plain-text logs'));
    expect(calls.filter((c) => c.event === 'send')).toEqual([]);
  });
});
