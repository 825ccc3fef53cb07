import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ask, demoAgent, findTicket } from './helpers/agent.ts';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';
import { decodeMail, startSmtp } from './helpers/smtp.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());

describeBrowser('e-mailing the transcript from the widget', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: DemoServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startDemoServer({ SMTP_URL: smtp.url, HELPDOCK_MAIL_FROM: 'Stratus Support <support@stratus.test>' });
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    await smtp?.close();
  });

  const panel = () => page.getByRole('dialog', { name: 'Support chat' });

  it('sends the conversation, with the agent\'s reply, to the address the visitor types', async () => {
    await page.goto(`${server.consoleUrl}/index.html`);
    await page.getByRole('button', { name: 'Open support chat' }).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('My bucket policy denies my own uploads');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Talk to a human' }).click();
    await page.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => panel().innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
    const agent = await demoAgent(server.url);
    const ticket = await findTicket(agent.socket, 'bucket policy');
    await ask(agent.socket, 'message:send', { conversationId: ticket.conversationId, clientId: 'mail-reply', text: 'Add your role ARN to the Allow statement.' });
    await expect.poll(() => panel().innerText(), { timeout: 5000 }).toContain('Add your role ARN');
    agent.socket.disconnect();

    await panel().getByRole('button', { name: 'E-mail transcript' }).click();
    const address = panel().getByRole('textbox', { name: 'Your e-mail address' });
    // A typo: the field's own check stops it before anything is sent, and keeps what was typed.
    await address.fill('me@');
    await address.press('Enter');
    expect(await address.inputValue()).toBe('me@');
    await address.fill('dev@customer.test');
    await panel().getByRole('form', { name: 'E-mail transcript' }).getByRole('button', { name: 'Send' }).click();
    await panel().getByRole('status').filter({ hasText: 'Transcript sent to' }).waitFor({ timeout: 10_000 });
    expect(await panel().innerText()).toContain('dev@customer.test');

    await expect.poll(() => smtp.inbox.length, { timeout: 5000 }).toBe(1);
    const mail = smtp.inbox[0]!;
    expect(mail.to).toEqual(['dev@customer.test']);
    expect(mail.from).toBe('support@stratus.test');
    const { subject, text } = decodeMail(mail.raw);
    expect(subject).toContain(`Ticket #${ticket.number}`);
    expect(text).toContain('My bucket policy denies my own uploads');
    expect(text).toContain('Add your role ARN to the Allow statement.');
  });
});
