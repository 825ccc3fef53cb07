import type { ActionOutcome } from '@helpdock/protocol';
import { say, updateMessage } from './bot-say.ts';
import { isoNow, type CoreContext } from './context.ts';
import type { ActionHandler } from './ports.ts';

/** How long a host action may run before it counts as failed. @default 15000 */
export const ACTION_TIMEOUT_MS = 15_000;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * Host actions offered by articles: registered by name, run only after the
 * visitor confirms, with the outcome said in the chat and kept for a later
 * ticket. A handler can never throw into us: errors, rejections and hangs
 * (timeout) are failures.
 */
export function createActions(ctx: CoreContext, timeoutMs = ACTION_TIMEOUT_MS) {
  const handlers = new Map<string, ActionHandler>();
  const { store } = ctx;

  function setStatus(messageId: string, status: 'offered' | 'confirm' | 'running' | 'done' | 'failed'): void {
    updateMessage(ctx, messageId, (m) => (m.action ? { ...m, action: { ...m.action, status } } : m));
  }

  return {
    /** Returns false (and registers nothing) for a bad name or a non-function. */
    register(name: string, handler: ActionHandler): boolean {
      if (typeof name !== 'string' || !NAME.test(name) || typeof handler !== 'function') return false;
      handlers.set(name, handler);
      return true;
    },
    /** First click: ask the visitor to confirm. */
    offer(messageId: string): void {
      const m = store.getState().messages.find((x) => x.id === messageId);
      if (m?.action?.status === 'offered' || m?.action?.status === 'done' || m?.action?.status === 'failed') setStatus(messageId, 'confirm');
    },
    cancel(messageId: string): void {
      const m = store.getState().messages.find((x) => x.id === messageId);
      if (m?.action?.status === 'confirm') setStatus(messageId, 'offered');
    },
    async confirm(messageId: string): Promise<void> {
      const m = store.getState().messages.find((x) => x.id === messageId);
      const action = m?.action;
      if (!action || action.status !== 'confirm') return;
      const handler = handlers.get(action.id);
      if (!handler) {
        setStatus(messageId, 'failed');
        say(ctx, { key: 'action.unknown', params: { label: action.label } });
        record({ action: action.id, ok: false, text: 'not available on this page', at: isoNow(ctx.clock) });
        return;
      }
      setStatus(messageId, 'running');
      // Running one is rare: its code (timeout, reading whatever the handler returns) loads then.
      const result = await import('./action-run.ts').then(
        (m) => m.runAction(ctx, handler, timeoutMs),
        // Its code could not be fetched (offline, a deploy in between): the action did not run.
        () => ({ ok: false, text: undefined, timedOut: false }),
      );
      if (ctx.isDestroyed()) return;
      setStatus(messageId, result.ok ? 'done' : 'failed');
      const text = result.text?.trim().slice(0, 500);
      const key = result.ok ? 'action.done' : result.timedOut ? 'action.timeout' : 'action.failed';
      say(ctx, { key, params: { label: action.label, text: text ?? '' } }, text ? { text } : {});
      record({ action: action.id, ok: result.ok, ...(text ? { text } : result.timedOut ? { text: 'timed out' } : {}), at: isoNow(ctx.clock) });
    },
  };

  function record(outcome: ActionOutcome): void {
    store.setState((s) => ({ actionOutcomes: s.actionOutcomes.concat(outcome).slice(-20) }));
  }
}
