import { describe, expect, it } from 'vitest';
import { ContextSnapshotSchema, HandoffRequestSchema, IncidentInputSchema, LIMITS, validate } from '../src/index.ts';

const rich = {
  url: 'https://console.example.com/ecs/cn-hangzhou/instances/i-bp1abc',
  title: 'web-1 · Console',
  locale: 'en',
  product: 'ecs',
  page: 'instance-detail',
  region: 'cn-hangzhou',
  resources: [{ type: 'instance', id: 'i-bp1abc' }],
  errorCodes: ['QuotaExceeded', 'HTTP 403'],
  failures: [{ kind: 'request', method: 'POST', url: 'https://api.example.com/ecs/restart', status: 403, at: '2025-01-01T00:00:00.000Z' }],
  browser: 'Chrome 126 · Linux',
  plan: 'enterprise',
  accountId: '1234567890',
  custom: { sla: 'gold', seats: 40, beta: true },
  diagnostics: { ok: false, summary: '1 of 2 checks failed', checks: [{ name: 'API reachable', ok: true }, { name: 'Quota', ok: false, detail: 'vCPU 64/64' }], ranAt: '2025-01-01T00:00:00.000Z' },
};

describe('context snapshot', () => {
  it('carries everything a console knows about where the user is', () => {
    const r = validate(ContextSnapshotSchema, rich);
    expect(r).toEqual({ ok: true, value: rich });
  });

  it('still accepts the bare URL older widgets send', () => {
    expect(validate(HandoffRequestSchema, { clientId: 'h1', transcript: [], context: { url: 'https://x.example/' } }).ok).toBe(true);
  });

  it('refuses oversized lists and custom maps, naming the field', () => {
    const many = validate(ContextSnapshotSchema, { url: 'x', errorCodes: Array.from({ length: LIMITS.contextList + 1 }, (_, i) => `E${i}`) });
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.error.message).toMatch(/^errorCodes: must have at most 20 entries/);
    const custom = Object.fromEntries(Array.from({ length: LIMITS.contextCustom + 1 }, (_, i) => [`k${i}`, i]));
    expect(validate(ContextSnapshotSchema, { url: 'x', custom }).ok).toBe(false);
    expect(validate(ContextSnapshotSchema, { url: 'x', custom: { nested: { a: 1 } } }).ok).toBe(false);
    expect(validate(ContextSnapshotSchema, { url: 'x', failures: [{ kind: 'request', status: 1e6, at: rich.failures[0]?.at }] }).ok).toBe(false);
  });
});

describe('incident input', () => {
  it('defaults the severity and refuses a product name with spaces', () => {
    expect(validate(IncidentInputSchema, { product: 'ecs', title: ' Slow starts ' })).toEqual({
      ok: true,
      value: { product: 'ecs', title: 'Slow starts', severity: 'major' },
    });
    expect(validate(IncidentInputSchema, { product: 'e c s', title: 'x' }).ok).toBe(false);
  });
});
