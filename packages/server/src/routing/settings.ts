import { PRIORITIES, type CannedReply, type Priority } from '@helpdock/protocol';
import { validHours, type BusinessHours } from './business-hours.ts';

/** How long a clock may run: business minutes, or "by the end of the next business day". */
export type SlaTarget = { minutes: number } | 'nextBusinessDay';

export type SlaPolicy = Record<Priority, { firstResponse: SlaTarget; resolution: SlaTarget }>;

/** Per-app support settings; every field has a default, so an app needs none of them. */
export interface AppSettings {
  /** `null`: support runs around the clock. */
  businessHours: BusinessHours | null;
  sla: SlaPolicy;
  /** How long after resolution the visitor may reopen. */
  reopenWindowHours: number;
  /** Plan → priority for new tickets when the bot gave none, e.g. `{ enterprise: 'P1' }`. */
  planPriority: Record<string, Priority>;
  /** Plan → the lowest tier that handles it, e.g. `{ enterprise: 'L2' }`. */
  planTier: Record<string, 'L1' | 'L2' | 'L3'>;
  teams: string[];
  cannedReplies: CannedReply[];
}

export const DEFAULT_SLA: SlaPolicy = {
  P0: { firstResponse: { minutes: 15 }, resolution: { minutes: 4 * 60 } },
  P1: { firstResponse: { minutes: 60 }, resolution: { minutes: 8 * 60 } },
  P2: { firstResponse: { minutes: 4 * 60 }, resolution: { minutes: 3 * 8 * 60 } },
  P3: { firstResponse: 'nextBusinessDay', resolution: { minutes: 5 * 8 * 60 } },
};

export const DEFAULT_SETTINGS: AppSettings = {
  businessHours: null,
  sla: DEFAULT_SLA,
  reopenWindowHours: 72,
  planPriority: {},
  planTier: {},
  teams: [],
  cannedReplies: [],
};

const isTarget = (t: unknown): t is SlaTarget =>
  t === 'nextBusinessDay' || (typeof t === 'object' && t !== null && typeof (t as { minutes?: unknown }).minutes === 'number' && (t as { minutes: number }).minutes > 0);

/**
 * Reads stored settings leniently: a missing or malformed field falls back to
 * its default instead of breaking routing for the whole app.
 */
export function readSettings(raw: unknown): AppSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const hours = r['businessHours'] as BusinessHours | null | undefined;
  const sla = { ...DEFAULT_SLA };
  const rawSla = (r['sla'] ?? {}) as Record<string, { firstResponse?: unknown; resolution?: unknown }>;
  for (const p of PRIORITIES) {
    const entry = rawSla[p];
    if (!entry) continue;
    sla[p] = {
      firstResponse: isTarget(entry.firstResponse) ? entry.firstResponse : DEFAULT_SLA[p].firstResponse,
      resolution: isTarget(entry.resolution) ? entry.resolution : DEFAULT_SLA[p].resolution,
    };
  }
  const window = r['reopenWindowHours'];
  return {
    businessHours:
      hours && typeof hours === 'object' && typeof hours.timeZone === 'string' && Array.isArray(hours.days) && validHours(hours) ? hours : null,
    sla,
    reopenWindowHours: typeof window === 'number' && window >= 0 ? window : DEFAULT_SETTINGS.reopenWindowHours,
    planPriority: (r['planPriority'] as Record<string, Priority> | undefined) ?? {},
    planTier: (r['planTier'] as AppSettings['planTier'] | undefined) ?? {},
    teams: Array.isArray(r['teams']) ? (r['teams'] as unknown[]).filter((t): t is string => typeof t === 'string') : [],
    cannedReplies: Array.isArray(r['cannedReplies']) ? (r['cannedReplies'] as CannedReply[]) : [],
  };
}
