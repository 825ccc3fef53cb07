import type { ConfigInput } from '../api.ts';
import type { LoaderStub } from '../script-tag.ts';

type LoaderWindow = Window & { Helpdock?: LoaderStub; helpdockSettings?: ConfigInput; requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number };

// Calls that mean "the user wants the chat now": load at once instead of waiting for idle time.
const URGENT = /^(open|toggle|showNewMessage)$/;

/**
 * The loader's whole job: find its own script tag, read its settings (and
 * `window.helpdockSettings`), queue
 * `Helpdock(...)` calls, and import widget.js from the same folder once the page
 * has loaded and is idle (or at once when the chat is asked for). Never throws.
 */
export function installLoader(w: LoaderWindow, load: (url: string) => Promise<unknown>): void {
  try {
    const d = w.document;
    const script =
      (d.currentScript as HTMLScriptElement | null) ??
      Array.from(d.querySelectorAll<HTMLScriptElement>('script[src]')).find((s) => /\/loader\.js([?#]|$)/.test(s.src));
    const existing = w.Helpdock;
    if (!script || existing?.loaded) return;
    const queue: unknown[][] = existing?.q ?? [];
    let started = false;
    const start = () => {
      if (!started) {
        started = true;
        load(new URL('widget.js', script.src).href).catch(() => undefined);
      }
    };
    const stub: LoaderStub = (...args: unknown[]) => {
      queue.push(args);
      if (URGENT.test(String(args[0]))) start();
    };
    stub.q = queue;
    const data = script.dataset;
    // `window.helpdockSettings`, set before the tag, wins over the tag's attributes (the widget drops unset values).
    // Object.assign, not a spread: an es2017 spread would double the loader's size.
    stub.config = Object.assign({ appId: data['appId'], serverUrl: data['server'] || new URL(script.src).origin, locale: data['locale'] }, w.helpdockSettings);
    w.Helpdock = stub;
    if (queue.some((args) => URGENT.test(String(args[0])))) return start();
    const idle = () => (w.requestIdleCallback ? w.requestIdleCallback(start, { timeout: 3000 }) : setTimeout(start, 1));
    if (d.readyState === 'complete') idle();
    else w.addEventListener('load', idle, { once: true });
  } catch {
    // A broken loader must not break the host page.
  }
}
