import { LIMITS, type DiagnosticsReport } from '@helpdock/protocol';
import { isoNow } from './context.ts';
import type { Clock } from './ports.ts';

const TIMEOUT_MS = 10_000;

const text = (v: unknown, max: number, redact: (s: string) => string): string => redact(typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v)).slice(0, max);

/**
 * Turns whatever a host's diagnostics function returned into a bounded, redacted
 * report: at most 20 checks, 500 characters per text. A report without `ok`
 * is ok when every check is.
 */
export function toReport(raw: unknown, ranAt: string, redact: (s: string) => string): DiagnosticsReport {
  const r = (raw && typeof raw === 'object' ? raw : { summary: raw }) as Record<string, unknown>;
  const checks = (Array.isArray(r['checks']) ? r['checks'] : []).slice(0, LIMITS.diagnosticsChecks).map((c: unknown) => {
    const check = (c && typeof c === 'object' ? c : { name: c }) as Record<string, unknown>;
    const out: DiagnosticsReport['checks'][number] = { name: text(check['name'], LIMITS.contextName, redact) || 'check', ok: check['ok'] === true };
    const detail = text(check['detail'], LIMITS.contextText, redact);
    if (detail) out.detail = detail;
    return out;
  });
  const ok = typeof r['ok'] === 'boolean' ? r['ok'] : checks.every((c) => c.ok);
  const summary = text(r['summary'], LIMITS.contextText, redact) || `${checks.filter((c) => c.ok).length}/${checks.length}`;
  return { ok, summary, checks, ranAt };
}

/** Runs the host's check and reports on it; `failed` when it threw, rejected or hung. */
export async function runCheck(fn: () => unknown, clock: Clock, redact: (s: string) => string): Promise<{ failed: boolean; report: DiagnosticsReport }> {
  let raw: unknown;
  let failed = false;
  try {
    raw = await runHostCheck(fn, clock);
  } catch (err) {
    failed = true;
    raw = { ok: false, summary: err instanceof Error ? err.message : String(err) };
  }
  return { failed, report: toReport(raw, isoNow(clock), redact) };
}

/** Runs the host's function; it may be sync or async, throw, or hang (10 s). */
async function runHostCheck(fn: () => unknown, clock: Clock): Promise<unknown> {
  let cancel: (() => void) | undefined;
  try {
    return await Promise.race([
      Promise.resolve().then(fn),
      new Promise((_, reject) => {
        cancel = clock.schedule(() => reject(new Error('the check took longer than 10 s')), TIMEOUT_MS);
      }),
    ]);
  } finally {
    cancel?.();
  }
}
