import type { ResourceRef } from '@helpdock/protocol';

/** A host-declared element whose text is a context fact, e.g. `{ selector: '#region-name', field: 'region' }`. */
export interface SelectorSignal {
  selector: string;
  field: 'product' | 'page' | 'region' | 'plan' | 'accountId' | `resource:${string}` | `custom:${string}`;
}

export interface DomFacts {
  product?: string;
  page?: string;
  region?: string;
  plan?: string;
  accountId?: string;
  resources?: ResourceRef[];
  custom?: Record<string, string>;
}

const MAX_VALUE = 256;
const MAX_RESOURCES = 20;

/** The context's named facts, each one string: what the page's DOM and the host may state (the URL states the first three). */
export const FACTS = ['product', 'page', 'region', 'plan', 'accountId'] as const;
export type Fact = (typeof FACTS)[number];

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_VALUE);

function put(facts: DomFacts, field: SelectorSignal['field'], value: string): void {
  if (!value) return;
  if ((FACTS as readonly string[]).includes(field)) {
    facts[field as Fact] ??= value;
  } else if (field.startsWith('resource:')) {
    const type = field.slice('resource:'.length);
    facts.resources ??= [];
    if (facts.resources.length < MAX_RESOURCES && !facts.resources.some((r) => r.type === type && r.id === value)) facts.resources.push({ type, id: value });
  } else if (field.startsWith('custom:')) {
    (facts.custom ??= {})[field.slice('custom:'.length)] ??= value;
  }
}

/**
 * Facts the page states about itself, first found wins:
 * - `<meta name="helpdock:product" content="ecs">` (also `page`, `region`, `plan`, `account-id`);
 * - `data-helpdock-product`, `-page`, `-region`, `-plan`, `-account-id` attributes on any element,
 *   and `data-helpdock-resource="instance:i-bp1…"`;
 * - the host's declared selectors, read as text.
 * Bounded: only the first elements of each kind are read.
 */
export function readDomSignals(doc: Document, selectors: readonly SelectorSignal[] = []): DomFacts {
  const facts: DomFacts = {};
  for (const meta of Array.from(doc.head?.querySelectorAll<HTMLMetaElement>('meta[name^="helpdock:"]') ?? []).slice(0, 20)) {
    const name = meta.name.slice('helpdock:'.length).replace(/-id$/, 'Id').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    if ((FACTS as readonly string[]).includes(name)) put(facts, name as Fact, clean(meta.content));
  }
  for (const field of FACTS) {
    if (facts[field]) continue;
    const attr = `data-helpdock-${field === 'accountId' ? 'account-id' : field}`;
    const el = doc.querySelector(`[${attr}]`);
    if (el) put(facts, field, clean(el.getAttribute(attr)));
  }
  for (const el of Array.from(doc.querySelectorAll('[data-helpdock-resource]')).slice(0, MAX_RESOURCES)) {
    const raw = clean(el.getAttribute('data-helpdock-resource'));
    const colon = raw.indexOf(':');
    if (colon > 0 && colon < raw.length - 1) put(facts, `resource:${raw.slice(0, colon)}`, raw.slice(colon + 1));
  }
  for (const { selector, field } of selectors) {
    let el: Element | null = null;
    try {
      el = doc.querySelector(selector);
    } catch {
      // An invalid selector was already reported when the config was checked.
    }
    if (el) put(facts, field, clean(el.textContent));
  }
  return facts;
}
