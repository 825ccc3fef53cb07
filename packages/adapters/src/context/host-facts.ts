import type { ResourceRef } from '@helpdock/protocol';
import { FACTS, type Fact } from './dom-signals.ts';

/** What a host may push with `Helpdock('setContext', {...})`. `null` removes a fact it pushed earlier. */
export interface HostFacts {
  product?: string | null;
  page?: string | null;
  region?: string | null;
  plan?: string | null;
  accountId?: string | null;
  resources?: ResourceRef[] | null;
  errorCodes?: string[] | null;
  custom?: Record<string, string | number | boolean | null> | null;
}

export type StoredHostFacts = {
  [K in Exclude<keyof HostFacts, 'custom'>]?: NonNullable<HostFacts[K]>;
} & { custom?: Record<string, string | number | boolean> };

/**
 * Merges a host push into what it pushed before. Anything malformed is left out
 * with one `[helpdock] setContext: …` warning; the rest still applies.
 */
export function mergeHostFacts(current: StoredHostFacts, input: unknown, warn: (message: string) => void): StoredHostFacts {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    warn(`setContext: expected an object, got ${JSON.stringify(input) ?? String(input)}`);
    return current;
  }
  const next: StoredHostFacts = { ...current, ...(current.custom ? { custom: { ...current.custom } } : {}) };
  const given = input as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    if ((FACTS as readonly string[]).includes(key)) {
      const k = key as Fact;
      if (value === null) delete next[k];
      else if (typeof value === 'string' || typeof value === 'number') next[k] = String(value);
      else warn(`setContext: "${key}" must be a string`);
    } else if (key === 'resources') {
      if (value === null) delete next.resources;
      else if (Array.isArray(value) && value.every((r) => r && typeof r.type === 'string' && typeof r.id === 'string')) {
        next.resources = value.map((r: ResourceRef) => ({ type: r.type, id: r.id }));
      } else warn('setContext: "resources" must be a list of { type, id } strings');
    } else if (key === 'errorCodes') {
      if (value === null) delete next.errorCodes;
      else if (Array.isArray(value) && value.every((c) => typeof c === 'string')) next.errorCodes = [...value];
      else warn('setContext: "errorCodes" must be a list of strings');
    } else if (key === 'custom') {
      if (value === null) {
        delete next.custom;
        continue;
      }
      if (!value || typeof value !== 'object' || Array.isArray(value)) {
        warn('setContext: "custom" must be an object');
        continue;
      }
      const custom = (next.custom ??= {});
      for (const [ck, cv] of Object.entries(value)) {
        if (cv === null) delete custom[ck];
        else if (typeof cv === 'string' || typeof cv === 'number' || typeof cv === 'boolean') custom[ck] = cv;
        else warn(`setContext: custom "${ck}" must be a string, number or boolean`);
      }
      if (Object.keys(custom).length === 0) delete next.custom;
    } else {
      warn(`setContext: unknown field "${key}" (put host-specific facts under "custom")`);
    }
  }
  return next;
}
