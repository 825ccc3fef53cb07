import { chromium, type Browser, type CDPSession } from 'playwright-core';
import { chromiumPath } from './services.ts';

/** Debian's Chromium, headless, with nothing that reaches for the network on its own. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH');
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Event listeners on window and document, as DevTools lists them. */
export async function pageListeners(cdp: CDPSession): Promise<string[]> {
  const out: string[] = [];
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners: found } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    out.push(...found.map((l) => `${expression}:${l.type}`));
  }
  return out.sort();
}
