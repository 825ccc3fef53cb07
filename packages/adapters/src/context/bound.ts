import { LIMITS, type ContextSnapshot, type ResourceRef } from '@helpdock/protocol';

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);

/**
 * Clips a snapshot to the protocol's limits so the server never refuses a handoff
 * over context: long values are cut, long lists keep their newest entries.
 */
export function boundContext(c: ContextSnapshot): ContextSnapshot {
  const out: ContextSnapshot = { url: cut(c.url, LIMITS.url) };
  if (c.title) out.title = cut(c.title, LIMITS.title);
  if (c.locale) out.locale = c.locale;
  for (const k of ['product', 'page', 'region', 'browser', 'plan'] as const) {
    const v = c[k];
    if (v) out[k] = cut(v, LIMITS.contextName);
  }
  if (c.accountId) out.accountId = cut(c.accountId, LIMITS.contextId);
  if (c.resources?.length) {
    out.resources = c.resources.slice(0, LIMITS.contextList).map((r: ResourceRef) => ({ type: cut(r.type, LIMITS.contextName), id: cut(r.id, LIMITS.contextId) }));
  }
  if (c.errorCodes?.length) out.errorCodes = c.errorCodes.slice(-LIMITS.contextList).map((e) => cut(e, LIMITS.contextName));
  if (c.failures?.length) {
    out.failures = c.failures.slice(-LIMITS.contextList).map((f) => {
      const g = { ...f };
      if (g.message) g.message = cut(g.message, LIMITS.contextText);
      if (g.url) g.url = cut(g.url, LIMITS.url);
      if (g.method) g.method = cut(g.method, 16);
      return g;
    });
  }
  if (c.custom) {
    const entries = Object.entries(c.custom).slice(0, LIMITS.contextCustom);
    if (entries.length) out.custom = Object.fromEntries(entries.map(([k, v]) => [cut(k, LIMITS.contextName), typeof v === 'string' ? cut(v, LIMITS.contextText) : v]));
  }
  if (c.diagnostics) {
    const d = c.diagnostics;
    out.diagnostics = {
      ok: d.ok,
      summary: cut(d.summary, LIMITS.contextText),
      ranAt: d.ranAt,
      checks: d.checks.slice(0, LIMITS.diagnosticsChecks).map((x) => {
        const check: (typeof d.checks)[number] = { name: cut(x.name, LIMITS.contextName), ok: x.ok };
        if (x.detail) check.detail = cut(x.detail, LIMITS.contextText);
        return check;
      }),
    };
  }
  return out;
}
