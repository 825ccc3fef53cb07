import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HTTP } from '@helpdock/protocol';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { xssPayloads, XSS_TRAP } from './fixtures/xss-payloads.ts';
import { ask, demoAgent, findTicket, type Ticket } from './helpers/agent.ts';
import { launchChromium } from './helpers/browser.ts';
import { startDemoServer, type DemoServer } from './helpers/demo-server.ts';
import { chromiumPath, describeIfAvailable } from './helpers/services.ts';

const describeBrowser = describeIfAvailable('Chromium', !!chromiumPath());
const PAYLOADS = xssPayloads();
const AGENT_NAMES = ['<img src=x onerror=__xss(9101)>', '<svg onload=alert(9102)>', '\u202e<script>__xss(9103)</script>'];
const PAGE_TITLE = '</title><script>__xss(9201)</script><img src=x onerror=__xss(9202)>';
const QUESTION = 'xsscorpus bucket policy <img src=x onerror=__xss(9301)>';
const RESOLUTION = 'Fixed <svg onload=__xss(9401)> <a href="javascript:__xss(9402)">details</a>';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
// Attachment names (the server drops path segments and control characters, so these arrive as written).
const VISITOR_FILES = [
  { name: '<img src=x onerror=__xss(9501)>.png', mimeType: 'image/png', buffer: PNG },
  { name: '"><svg onload=__xss(9502)>.log', mimeType: 'text/plain', buffer: Buffer.from('ERROR <script>__xss(9503)</script>\n') },
];
const AGENT_FILES = [
  { name: '<iframe srcdoc=x onload=__xss(9504)>.png', buffer: PNG },
  { name: "' onmouseover=__xss(9505) x='.log", buffer: Buffer.from('<img src=x onerror=__xss(9506)>\n') },
];
const FILE_NAMES = [...VISITOR_FILES, ...AGENT_FILES].map((f) => f.name);

/*
 * Over a hundred XSS payloads through every channel that reaches a screen —
 * knowledge-base articles and bot answers, agent messages, agent names, the
 * visitor's own lines, context strings (page title, URL), ticket subject and
 * resolution, attachment names — in the widget and in the agent console, in Chromium, with CSP
 * bypassed so that only our rendering stands between a payload and the page.
 */
describeBrowser('XSS payloads through every channel', () => {
  let server: DemoServer;
  let browser: Browser;
  let visitor: Page;
  let console_: Page;
  let workdir: string;
  const hits: string[] = [];

  async function trapped(page: Page): Promise<Page> {
    await page.addInitScript(XSS_TRAP);
    page.on('dialog', (d) => {
      hits.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    return page;
  }
  const hitsIn = async (page: Page) => [...hits, ...(await page.evaluate(() => (window as unknown as { __xssHits: unknown[] }).__xssHits))];

  beforeAll(async () => {
    workdir = mkdtempSync(join(tmpdir(), 'helpdock-xss-'));
    const kb = join(workdir, 'kb', 'en');
    mkdirSync(kb, { recursive: true });
    const body = PAYLOADS.map((p) => p.text).join('\n\n');
    writeFileSync(join(kb, 'xss-corpus.md'), `---\nid: xss-corpus\nlocale: en\ntitle: Bucket policy <img src=x onerror=__xss(9001)>\ntags: [xsscorpus, bucket, policy]\n---\n${body}\n`);
    writeFileSync(join(kb, 'xss-title.md'), `---\nid: xss-title\nlocale: en\ntitle: Policy <svg onload=__xss(9002)> bucket\ntags: [xsscorpus]\n---\n<script>__xss(9003)</script>\n`);
    writeFileSync(
      join(workdir, 'apps.json'),
      JSON.stringify([{ id: 'demo', allowedOrigins: [], agents: AGENT_NAMES.map((name, i) => ({ email: `xss${i}@demo.helpdock.dev`, name, password: 'helpdock-demo' })) }]),
    );
    server = await startDemoServer({ HELPDOCK_KB_DIR: join(workdir, 'kb'), HELPDOCK_APPS_FILE: join(workdir, 'apps.json'), HELPDOCK_RATE_LIMITS: 'off' });
    browser = await launchChromium();
    visitor = await trapped(await (await browser.newContext({ bypassCSP: true })).newPage());
    console_ = await trapped(await (await browser.newContext({ bypassCSP: true })).newPage());
  });

  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
    if (workdir) rmSync(workdir, { recursive: true, force: true });
  });

  const widgetText = () => visitor.evaluate(() => document.getElementById('helpdock-root')?.shadowRoot?.textContent ?? '');
  const conversation = () => visitor.getByRole('log', { name: 'Conversation' });

  it('renders them all as text in the widget, and none runs', async () => {
    await visitor.goto(`${server.consoleUrl}/index.html#<svg onload=__xss(9203)>`);
    await visitor.evaluate((title) => (document.title = title), PAGE_TITLE);
    await visitor.getByRole('button', { name: 'Open support chat' }).click();
    await visitor.getByRole('textbox', { name: 'Message' }).fill(QUESTION);
    await visitor.getByRole('button', { name: 'Send' }).click();
    // The bot answers with the article: its title and the whole corpus in its body.
    await expect.poll(widgetText, { timeout: 10_000 }).toContain('Bucket policy <img src=x onerror=__xss(9001)>');
    expect(await widgetText()).toContain(PAYLOADS[0]!.text);

    await visitor.getByRole('button', { name: 'Talk to a human' }).click();
    // The user sees what the agent will get, then sends it.
    await visitor.getByRole('button', { name: 'Send to an agent' }).click();
    await expect.poll(() => conversation().locator('..').innerText(), { timeout: 10_000 }).toMatch(/Ticket #\d+/);
    const agent = await demoAgent(server.url, 'xss0@demo.helpdock.dev');
    const ticket: Ticket = await findTicket(agent.socket, 'xsscorpus');
    await ask(agent.socket, 'ticket:claim', { ticketId: ticket.id });
    for (const [i, p] of PAYLOADS.entries()) await ask(agent.socket, 'message:send', { conversationId: ticket.conversationId, clientId: `xss-${i}`, text: p.text });
    await expect.poll(widgetText, { timeout: 15_000 }).toContain(PAYLOADS.at(-1)!.text.trim());
    const text = await widgetText();
    for (const p of PAYLOADS) expect(text, `payload ${p.id}`).toContain(p.text.trim());
    // The agent's name, as the assignee and in "joined the conversation".
    expect(text).toContain(AGENT_NAMES[0]);

    // The visitor's own lines go out through the composer.
    for (const p of PAYLOADS.slice(0, 8)) {
      await visitor.getByRole('textbox', { name: 'Message' }).fill(p.text);
      await visitor.getByRole('button', { name: 'Send' }).click();
    }
    await expect.poll(widgetText, { timeout: 10_000 }).toContain(`${PAYLOADS[7]!.text}`);

    // Attachment names: the visitor's through the picker, the agent's over HTTP; images preview, logs list.
    for (const file of VISITOR_FILES) {
      const chooser = visitor.waitForEvent('filechooser');
      await visitor.getByRole('button', { name: 'Attach a file' }).click();
      await (await chooser).setFiles(file);
      await expect.poll(widgetText, { timeout: 10_000 }).toContain(file.name);
    }
    for (const [i, file] of AGENT_FILES.entries()) {
      const res = await fetch(`${server.url}${HTTP.attachments(ticket.conversationId)}?name=${encodeURIComponent(file.name)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agent.token}` },
        body: file.buffer,
      });
      expect(res.status).toBe(201);
      const { attachment } = (await res.json()) as { attachment: { id: string } };
      await ask(agent.socket, 'message:send', { conversationId: ticket.conversationId, clientId: `xss-file-${i}`, text: '', attachments: [attachment.id] });
    }
    await expect.poll(widgetText, { timeout: 10_000 }).toContain(AGENT_FILES.at(-1)!.name);
    for (const name of FILE_NAMES) expect(await widgetText()).toContain(name);
    await expect.poll(() => visitor.getByRole('img', { name: VISITOR_FILES[0]!.name }).count()).toBe(1);
    await visitor.getByRole('img', { name: AGENT_FILES[0]!.name }).hover();
    agent.socket.disconnect();
    expect(await hitsIn(visitor)).toEqual([]);
  }, 120_000);

  it('renders them all as text in the agent console, and none runs', async () => {
    await console_.goto(`${server.url}/agent/`);
    await console_.getByLabel('E-mail').fill('xss1@demo.helpdock.dev');
    await console_.getByLabel('Password').fill('helpdock-demo');
    await console_.getByRole('button', { name: 'Sign in' }).click();
    const row = console_.getByRole('button', { name: /^#\d+\b/ }).first();
    await row.waitFor({ timeout: 10_000 });
    await row.click();
    const pageText = () => console_.evaluate(() => document.body.textContent ?? '');
    await expect.poll(pageText, { timeout: 10_000 }).toContain(PAYLOADS.at(-1)!.text.trim());
    // The resolution arrives live while the ticket is open.
    const agent = await demoAgent(server.url, 'xss2@demo.helpdock.dev');
    const ticket = await findTicket(agent.socket, 'xsscorpus');
    await ask(agent.socket, 'ticket:resolve', { ticketId: ticket.id, resolution: RESOLUTION });
    await expect.poll(pageText, { timeout: 10_000 }).toContain(RESOLUTION);
    agent.socket.disconnect();

    const text = await pageText();
    for (const p of PAYLOADS) expect(text, `payload ${p.id}`).toContain(p.text.trim());
    for (const s of [QUESTION, PAGE_TITLE, AGENT_NAMES[0]!, AGENT_NAMES[1]!, '%3Csvg%20onload=__xss(9203)%3E', ...FILE_NAMES]) expect(text).toContain(s);
    await expect.poll(() => console_.getByRole('img', { name: AGENT_FILES[0]!.name }).count()).toBe(1);
    // Hovering and clicking across the ticket gives handler payloads their chance too.
    await console_.mouse.move(200, 200);
    await console_.mouse.click(5, 5);
    await visitor.bringToFront();
    await visitor.mouse.move(300, 300);
    expect(await hitsIn(console_)).toEqual([]);
    expect(await hitsIn(visitor)).toEqual([]);
  }, 120_000);

  it('has a trap that does catch a payload that runs', async () => {
    await console_.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', '__xss("control")');
      img.src = 'data:,not-an-image';
      document.body.append(img);
    });
    await expect.poll(() => console_.evaluate(() => (window as unknown as { __xssHits: unknown[] }).__xssHits)).toEqual(['control']);
  });
});
