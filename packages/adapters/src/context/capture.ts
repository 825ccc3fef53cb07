import type { CapturedFailure } from '@helpdock/protocol';
import { stripQuery } from './redact.ts';

export interface CaptureOptions {
  /** Uncaught errors and unhandled rejections. @default true */
  errors?: boolean;
  /** fetch and XMLHttpRequest answers with status ≥ 400, or no answer at all. @default true */
  requests?: boolean;
  /** Failures kept (the newest win). @default 10 */
  max?: number;
}

const MAX_MESSAGE = 300;

type CaptureWindow = Window & typeof globalThis;

/**
 * Opt-in capture of the page's own failures. Bounded: the last `max` entries,
 * messages cut to 300 characters, request URLs without their query string.
 * Requests to `ignoreOrigin` (the Helpdock server itself) are not recorded.
 * `stop()` restores fetch and XMLHttpRequest unless another script wrapped them since.
 */
export function captureFailures(win: CaptureWindow, options: CaptureOptions, ignoreOrigin: string, onChange: (failures: CapturedFailure[]) => void): () => void {
  const max = Math.max(1, Math.min(20, options.max ?? 10));
  let failures: CapturedFailure[] = [];
  let active = true;
  const cleanups: Array<() => void> = [];
  const record = (f: Omit<CapturedFailure, 'at'>) => {
    if (!active) return;
    failures = failures.concat({ ...f, at: new Date().toISOString() }).slice(-max);
    onChange(failures);
  };
  const requestFailure = (method: string, rawUrl: string, status: number) => {
    let url: string;
    try {
      const u = new URL(rawUrl, win.location.href);
      if (u.origin === ignoreOrigin) return;
      url = stripQuery(u.href);
    } catch {
      url = stripQuery(String(rawUrl)).slice(0, 2048);
    }
    record({ kind: 'request', method: method.toUpperCase().slice(0, 16), url: url.slice(0, 2048), status });
  };

  if (options.errors !== false) {
    const onError = (e: ErrorEvent) => record({ kind: 'error', message: String(e.message || e.error || 'Script error').slice(0, MAX_MESSAGE) });
    const onRejection = (e: PromiseRejectionEvent) => {
      const reason = e.reason instanceof Error ? `${e.reason.name}: ${e.reason.message}` : String(e.reason);
      record({ kind: 'error', message: `Unhandled rejection: ${reason}`.slice(0, MAX_MESSAGE) });
    };
    win.addEventListener('error', onError);
    win.addEventListener('unhandledrejection', onRejection);
    cleanups.push(() => {
      win.removeEventListener('error', onError);
      win.removeEventListener('unhandledrejection', onRejection);
    });
  }

  if (options.requests !== false) {
    const originalFetch = win.fetch;
    if (typeof originalFetch === 'function') {
      const wrappedFetch: typeof fetch = function (this: unknown, input, init) {
        const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
        const url = input instanceof Request ? input.url : String(input);
        const pending = originalFetch.call(this ?? win, input, init);
        pending.then(
          (res) => {
            if (res.status >= 400) requestFailure(method, url, res.status);
          },
          () => requestFailure(method, url, 0),
        );
        return pending;
      };
      win.fetch = wrappedFetch;
      cleanups.push(() => {
        if (win.fetch === wrappedFetch) win.fetch = originalFetch;
      });
    }
    const proto = win.XMLHttpRequest?.prototype;
    if (proto) {
      const open = proto.open;
      const send = proto.send;
      const seen = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
      const wrappedOpen = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
        seen.set(this, { method, url: String(url) });
        return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
      };
      const wrappedSend = function (this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
        const req = seen.get(this);
        if (req) {
          this.addEventListener('loadend', () => {
            if (this.status === 0 || this.status >= 400) requestFailure(req.method, req.url, this.status);
          }, { once: true });
        }
        return send.call(this, body);
      };
      proto.open = wrappedOpen as typeof proto.open;
      proto.send = wrappedSend;
      cleanups.push(() => {
        if (proto.open === (wrappedOpen as typeof proto.open)) proto.open = open;
        if (proto.send === wrappedSend) proto.send = send;
      });
    }
  }

  return () => {
    active = false;
    for (const off of cleanups.splice(0)) off();
  };
}
