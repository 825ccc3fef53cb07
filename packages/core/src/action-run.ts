import type { CoreContext } from './context.ts';
import type { ActionHandler } from './ports.ts';

export type Result = { ok: boolean; text?: string; timedOut?: boolean };

// Whatever the host's handler returns, in words we can show: never trust its shape.
function readResult(value: unknown): Result {
  if (typeof value === 'string') return { ok: true, text: value };
  if (value && typeof value === 'object') {
    const r = value as { ok?: unknown; message?: unknown };
    const text = typeof r.message === 'string' && r.message.trim() ? r.message : undefined;
    return { ok: r.ok !== false, ...(text ? { text } : {}) };
  }
  return { ok: true };
}

function errorText(err: unknown): string | undefined {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : undefined;
  return message?.trim() ? message : undefined;
}

/** Runs a host's handler: its errors, rejections and hangs (`timeoutMs`) are failures, never our crash. */
export function runAction(ctx: CoreContext, handler: ActionHandler, timeoutMs: number): Promise<Result> {
  return new Promise<Result>((resolve) => {
    const cancel = ctx.clock.schedule(() => resolve({ ok: false, timedOut: true }), timeoutMs);
    const done = (r: Result) => {
      cancel();
      resolve(r);
    };
    try {
      Promise.resolve(handler(ctx.store.getState().context)).then(
        (v) => done(readResult(v)),
        (err: unknown) => {
          const text = errorText(err);
          done({ ok: false, ...(text ? { text } : {}) });
        },
      );
    } catch (err) {
      const text = errorText(err);
      done({ ok: false, ...(text ? { text } : {}) });
    }
  });
}
