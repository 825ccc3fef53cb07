import { fireEvent, waitFor, within } from '@testing-library/preact';
import { changeLocale } from '@helpdock/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { loadStrings } from '@helpdock/i18n';
import { mountLauncher, mountUi, themeCss } from '../src/index.ts';
import { setup } from './fixtures.ts';

let mounted: { readonly shadowRoot: ShadowRoot; unmount(): void } | null = null;

async function mountWidget() {
  const env = await setup();
  mounted = mountUi({ core: env.core, i18n: env.i18n });
  const ui = within(mounted.shadowRoot as unknown as HTMLElement);
  return { ...env, ui, shadowRoot: mounted.shadowRoot };
}

async function openChat(ui: Awaited<ReturnType<typeof mountWidget>>['ui']) {
  fireEvent.click(ui.getByRole('button', { name: 'Open support chat' }));
  return ui.findByRole('dialog', { name: 'Support chat' });
}

async function ask(ui: Awaited<ReturnType<typeof mountWidget>>['ui'], text: string) {
  const box = ui.getByRole('textbox', { name: 'Message' });
  fireEvent.input(box, { target: { value: text } });
  fireEvent.keyDown(box, { key: 'Enter' });
}

afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

describe('the widget UI', () => {
  it('lives in an open shadow root on #helpdock-root, styled by adopted stylesheets and never inline', async () => {
    const headBefore = document.head.innerHTML;
    const { ui, shadowRoot } = await mountWidget();
    await openChat(ui);
    const host = document.getElementById('helpdock-root');
    expect(host?.shadowRoot).toBe(shadowRoot);
    expect(host?.parentElement).toBe(document.body);
    // The launcher's sheet, then the panel's.
    expect(shadowRoot.adoptedStyleSheets).toHaveLength(2);
    expect(shadowRoot.querySelectorAll('style, link, [style]')).toHaveLength(0);
    expect(document.head.innerHTML).toBe(headBefore);
  });

  it('opens from the launcher, which then offers to close the chat', async () => {
    const { ui } = await mountWidget();
    const launcher = ui.getByRole('button', { name: 'Open support chat' });
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    await openChat(ui);
    const closer = ui.getByRole('button', { name: 'Close support chat' });
    expect(closer.getAttribute('aria-expanded')).toBe('true');
    expect(ui.getByRole('log', { name: 'Conversation' }).getAttribute('aria-live')).toBe('polite');
  });

  it('closes on Escape and gives focus back to the launcher', async () => {
    const { ui, shadowRoot } = await mountWidget();
    const dialog = await openChat(ui);
    await waitFor(() => expect(shadowRoot.activeElement).toBe(ui.getByRole('textbox', { name: 'Message' })));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(ui.queryByRole('dialog')).toBeNull());
    expect(shadowRoot.activeElement).toBe(ui.getByRole('button', { name: 'Open support chat' }));
  });

  it('does not take focus from the page when the chat comes back open after a reload', async () => {
    const env = await setup();
    env.core.open();
    const outside = document.createElement('input');
    document.body.append(outside);
    outside.focus();
    mounted = mountUi({ core: env.core, i18n: env.i18n });
    const ui = within(mounted.shadowRoot as unknown as HTMLElement);
    await ui.findByRole('dialog', { name: 'Support chat' });
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('shows the question and the bot’s answer with the article title and body, as text', async () => {
    const { ui, shadowRoot } = await mountWidget();
    await openChat(ui);
    await ask(ui, 'How do I restart my instance?');
    const log = ui.getByRole('log', { name: 'Conversation' });
    await within(log).findByText('Restart an instance');
    expect(within(log).getByText('How do I restart my instance?')).toBeTruthy();
    expect(within(log).getByText('Open the instance page.')).toBeTruthy();
    // Markdown and HTML in articles are shown as words, never as markup.
    expect(within(log).getByText('Choose Restart. <img src=x onerror="alert(1)">')).toBeTruthy();
    expect(shadowRoot.querySelector('img')).toBeNull();
    expect((ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('');
  });

  it('sends with the Send button too, and says so when the bot has no answer', async () => {
    const { ui } = await mountWidget();
    await openChat(ui);
    fireEvent.input(ui.getByRole('textbox', { name: 'Message' }), { target: { value: 'weather in Paris' } });
    fireEvent.click(ui.getByRole('button', { name: 'Send' }));
    await ui.findByText(/could not find an answer/);
  });

  it('hands off to a human and shows the ticket, then who is handling it', async () => {
    const { ui, agents } = await mountWidget();
    const dialog = await openChat(ui);
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a human' }));
    // First the visitor sees what will be shared, then sends it.
    await within(dialog).findByText('This is what the agent will see');
    expect(within(dialog).getByText('https://console.example.com/')).toBeTruthy();
    fireEvent.click(ui.getByRole('button', { name: 'Send to an agent' }));
    await within(dialog).findByText('Ticket #7');
    expect(within(dialog).getByText('Waiting for an agent')).toBeTruthy();
    expect(ui.queryByRole('button', { name: 'Talk to a human' })).toBeNull();
    agents.claim('Ana Silva');
    await within(dialog).findByText('Ana Silva is handling your request');
    expect(within(dialog).getByText('In progress')).toBeTruthy();
  });

  it('lets the visitor attach a file once a person has the conversation, keeping the draft, and says why one is refused', async () => {
    const { ui, shadowRoot } = await mountWidget();
    const dialog = await openChat(ui);
    expect(ui.queryByRole('button', { name: 'Attach a file' })).toBeNull();
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a human' }));
    fireEvent.click(await ui.findByRole('button', { name: 'Send to an agent' }));
    const attach = await ui.findByRole('button', { name: 'Attach a file' });
    expect(attach.tagName).toBe('BUTTON');
    fireEvent.input(ui.getByRole('textbox', { name: 'Message' }), { target: { value: 'what I was typing' } });
    const pick = (file: File) => {
      const input = shadowRoot.querySelector('input[type=file]') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
    };
    pick(new File([new Uint8Array(2048)], '<b>screen</b>.png', { type: 'image/png' }));
    const image = await within(dialog).findByRole('img', { name: '<b>screen</b>.png' });
    await waitFor(() => expect(image.getAttribute('src')).toBe('blob:ui/att_1'));
    expect(within(dialog).getByText('<b>screen</b>.png · 2 kB')).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Download <b>screen</b>.png' })).toBeTruthy();
    expect(dialog.querySelector('b')).toBeNull();
    expect((ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('what I was typing');

    pick(new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('logo.svg cannot be attached. You can send images (PNG, JPEG, GIF, WebP) and text logs (.log, .txt, .json).');
    expect((ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement).value).toBe('what I was typing');
  });

  it('tells the visitor when the handoff failed, and lets them try again', async () => {
    const { ui, agents } = await mountWidget();
    agents.failHandoffs();
    await openChat(ui);
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a human' }));
    fireEvent.click(await ui.findByRole('button', { name: 'Send to an agent' }));
    const alert = await ui.findByRole('alert');
    expect(alert.textContent).toContain('We could not reach an agent');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('says chat is not set up for this site when the server does not allow the page, with nothing to retry', async () => {
    const { ui, agents } = await mountWidget();
    agents.failHandoffs('origin_not_allowed');
    await openChat(ui);
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a human' }));
    fireEvent.click(await ui.findByRole('button', { name: 'Send to an agent' }));
    const alert = await ui.findByRole('alert');
    expect(alert.textContent).toContain('Support chat is not set up for this site yet');
    expect(within(alert).queryByRole('button', { name: 'Try again' })).toBeNull();
  });

  it('keeps a too-long message in the composer and says how long it may be', async () => {
    const { ui } = await mountWidget();
    await openChat(ui);
    const box = ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    const long = 'word '.repeat(900);
    fireEvent.input(box, { target: { value: long } });
    expect(ui.getByText('4500 / 4000')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(ui.getByRole('button', { name: 'Send' }));
    const alert = await ui.findByRole('alert');
    expect(alert.textContent).toContain('Your message is 4499 characters long; the limit is 4000.');
    expect(box.value).toBe(long);
    expect(ui.getByRole('log', { name: 'Conversation' }).textContent).not.toContain('word word');
  });

  it('switches language at run time, including what is already on screen', async () => {
    const { ui, i18n } = await mountWidget();
    await openChat(ui);
    await ask(ui, 'hello there');
    await ui.findByText(/could not find an answer/);
    await changeLocale(i18n, 'zh-CN');
    await ui.findByRole('button', { name: '关闭客服聊天' });
    expect(ui.getByRole('dialog', { name: '客服聊天' })).toBeTruthy();
    expect(ui.getByText('没有找到相关答案。请换个说法，或转人工客服。')).toBeTruthy();
  });
});

describe('the launcher', () => {
  it('shows how many replies arrived while the chat was closed, and says so to screen readers', async () => {
    const env = await setup();
    const { t } = await loadStrings('en', 'widget');
    const launcher = mountLauncher({ core: env.core, t, locale: 'en', dir: 'ltr', onIntent: () => undefined });
    mounted = launcher;
    const ui = within(launcher.shadowRoot as unknown as HTMLElement);
    launcher.setUnread(2);
    const button = ui.getByRole('button', { name: 'Open support chat, 2 unread' });
    expect(button.querySelector('.hd-badge')?.textContent).toBe('2');
    launcher.setUnread(0);
    expect(ui.getByRole('button', { name: 'Open support chat' }).querySelector<HTMLElement>('.hd-badge')?.hidden).toBe(true);
  });

  it('asks for the panel on hover, focus, or when the chat opens', async () => {
    const env = await setup();
    const intents: string[] = [];
    const launcher = mountLauncher({ core: env.core, t: (k) => k, locale: 'en', dir: 'ltr', onIntent: () => intents.push('intent') });
    mounted = launcher;
    fireEvent.pointerEnter(launcher.button);
    env.core.open();
    expect(intents).toHaveLength(2);
    expect(launcher.button.getAttribute('aria-expanded')).toBe('true');
  });

  it('shows before the core has loaded, and a click meanwhile opens the chat once it arrives', async () => {
    const env = await setup();
    const intents: string[] = [];
    const launcher = mountLauncher({ t: (k) => k, locale: 'en', dir: 'ltr', onIntent: () => intents.push('intent') });
    mounted = launcher;
    const ui = within(launcher.shadowRoot as unknown as HTMLElement);
    fireEvent.click(ui.getByRole('button', { name: 'launcher.open' }));
    expect(intents).toEqual(['intent']);
    expect(env.core.store.getState().open).toBe(false);
    launcher.attach(env.core);
    expect(env.core.store.getState().open).toBe(true);
    expect(launcher.button.getAttribute('aria-expanded')).toBe('true');
  });

  it('takes a host theme as CSS custom properties, and refuses values that could inject CSS', () => {
    const { css, rejected } = themeCss({ accent: '#0a7f5a', radius: '8px' });
    expect(rejected).toEqual([]);
    expect(css).toMatch(/^\.hd-root \{ [^}]*--hd-brand: #0a7f5a;[^}]*--hd-radius: 8px;[^}]* \}$/);
    const bad = themeCss({ accent: 'red; } * { display: none', shadow: '1px' });
    expect(bad.rejected).toEqual(['theme.accent must be a #rgb or #rrggbb colour', 'theme.shadow is not a theme option']);
    expect(bad.css).not.toContain('display: none');
  });
});
