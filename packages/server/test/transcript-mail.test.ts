import { createServer as createNetServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '@helpdock/protocol';
import { DEFAULT_RATE_LIMITS } from '../src/abuse/limits.ts';
import { agentLogin, ask, connectAgent, connectVisitor, disconnectAll, transcriptLine, visitorSession } from './support/clients.ts';
import { ACME_ORIGIN, ANA, startTestServer, type TestServer } from './support/server.ts';
// The same SMTP catcher the browser tests use.
import { decodeMail, startSmtp } from '../../../test/helpers/smtp.ts';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let server: TestServer;

beforeAll(async () => {
  smtp = await startSmtp();
  server = await startTestServer({ smtpUrl: smtp.url, mailFrom: 'Acme Support <support@acme.test>' });
}, 60_000);
afterEach(() => disconnectAll());
afterAll(async () => {
  await server?.dispose();
  await smtp?.close();
});

async function visitorWithTicket(target: TestServer, locale = 'en') {
  const session = await visitorSession(target.url, 'acme', ACME_ORIGIN);
  const socket = await connectVisitor(target.url, 'acme', session.token, ACME_ORIGIN);
  const ack = await ask(socket, 'handoff', {
    clientId: `h-${Math.random().toString(36).slice(2)}`,
    transcript: [transcriptLine('visitor', 'My invoice is wrong'), transcriptLine('bot', 'Understand your invoice')],
    context: { url: 'https://console.acme.test/billing', locale },
  });
  expect(ack.ok).toBe(true);
  return { session, socket, ticket: ack.ticket as Ticket };
}

describe('e-mailing the transcript', () => {
  it('tells the widget mail is on, and sends the visitor their own conversation, as stored, in their language', async () => {
    const v = await visitorWithTicket(server, 'ja');
    expect(v.session.features).toEqual({ transcriptEmail: true });
    const login = await agentLogin(server.url, 'acme', ANA.email, ANA.password);
    const { socket: agent } = await connectAgent(server.url, login.token);
    expect((await ask(agent, 'ticket:claim', { ticketId: v.ticket.id })).ok).toBe(true);
    expect((await ask(agent, 'message:send', { conversationId: v.ticket.conversationId, clientId: 'a-1', text: 'The second line is a one-off setup fee.' })).ok).toBe(true);

    const sent = await ask(v.socket, 'transcript:email', { ticketId: v.ticket.id, email: ' me@customer.test ' });
    expect(sent).toEqual({ ok: true, sentTo: 'me@customer.test' });
    const mail = smtp.inbox.at(-1)!;
    expect(mail.to).toEqual(['me@customer.test']);
    expect(mail.from).toBe('support@acme.test');
    const { subject, text } = decodeMail(mail.raw);
    expect(subject).toBe(`サポート — チケット #${v.ticket.number}: ${v.ticket.subject}`);
    expect(text).toContain('My invoice is wrong');
    expect(text).toContain('Understand your invoice');
    expect(text).toContain(`${ANA.name} (担当者):\nThe second line is a one-off setup fee.`);
    expect(text).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\] あなた:$/m);
    // The transcript's own words are in the later file (widget-later.json), which the server reads too.
    expect(text).toMatch(/^会話記録の保存日時：\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/m);
  });

  it('sends nothing for a ticket that is not the visitor\'s, or to an address that is not one', async () => {
    const a = await visitorWithTicket(server);
    const b = await visitorWithTicket(server);
    const before = smtp.inbox.length;
    expect((await ask(b.socket, 'transcript:email', { ticketId: a.ticket.id, email: 'thief@evil.test' })).error.code).toBe('not_found');
    expect((await ask(b.socket, 'transcript:email', { ticketId: 'tkt_forged0000000000', email: 'thief@evil.test' })).error.code).toBe('not_found');
    const bad = await ask(b.socket, 'transcript:email', { ticketId: b.ticket.id, email: 'not an address' });
    expect(bad.error).toMatchObject({ code: 'invalid_event', issues: [{ path: 'email', message: 'must be an e-mail address' }] });
    expect(smtp.inbox.length).toBe(before);
  });
});

describe('without a working mail server', () => {
  it('says mail is off when no SMTP server is set up, and refuses with a reason', async () => {
    const plain = await startTestServer();
    try {
      const v = await visitorWithTicket(plain);
      expect(v.session.features).toEqual({ transcriptEmail: false });
      const refused = await ask(v.socket, 'transcript:email', { ticketId: v.ticket.id, email: 'me@customer.test' });
      expect(refused.error.code).toBe('unavailable');
      expect(refused.error.message).toMatch(/download/);
    } finally {
      await plain.dispose();
    }
  }, 30_000);

  it('refuses with a reason when the mail server is down, and keeps the address out of the log', async () => {
    // A port that was free a moment ago: nothing answers there.
    const probe = createNetServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const down = await startTestServer({ smtpUrl: `smtp://127.0.0.1:${port}` });
    try {
      const v = await visitorWithTicket(down);
      const refused = await ask(v.socket, 'transcript:email', { ticketId: v.ticket.id, email: 'private.person@customer.test' });
      expect(refused.error.code).toBe('unavailable');
      expect(down.logs.some((line) => line.includes('not sent'))).toBe(true);
      expect(down.logs.join('\n')).not.toContain('private.person');
    } finally {
      await down.dispose();
    }
  }, 30_000);

  it('limits how many transcripts one visitor can have sent', async () => {
    const limited = await startTestServer({ smtpUrl: smtp.url, rateLimits: DEFAULT_RATE_LIMITS });
    try {
      const v = await visitorWithTicket(limited);
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await ask(v.socket, 'transcript:email', { ticketId: v.ticket.id, email: 'me@customer.test' }));
      expect(results.slice(0, 3).every((r) => r.ok)).toBe(true);
      expect(results[3].error.code).toBe('rate_limited');
    } finally {
      await limited.dispose();
    }
  }, 30_000);
});
