import type { ResourceRef } from '@helpdock/protocol';

/**
 * One URL rule: a path pattern with named parameters and what a match means.
 *
 * `/ecs/:region/instances/:instanceId` on `/ecs/cn-hangzhou/instances/i-bp1…` gives
 * `{ product: 'ecs', page: 'instance-detail', region: 'cn-hangzhou',
 *    resources: [{ type: 'instance', id: 'i-bp1…' }] }` for
 * `{ pattern, product: 'ecs', page: 'instance-detail' }`.
 */
export interface UrlRule {
  /**
   * A path pattern: literal segments, `:name` parameters (one segment each) and a
   * final `*` for "anything below". Starts with `#` to match the hash instead (hash routers).
   */
  pattern: string;
  product?: string;
  page?: string;
  /** The parameter that holds the region. @default 'region' */
  regionParam?: string;
  /**
   * Parameter → resource type. Parameters not listed here, other than the region,
   * are resources named after the parameter without its `Id` suffix (`instanceId` → `instance`).
   */
  resources?: Record<string, string>;
}

export interface UrlFacts {
  product?: string;
  page?: string;
  region?: string;
  resources?: ResourceRef[];
}

export interface CompiledRule {
  rule: UrlRule;
  onHash: boolean;
  match(path: string): Record<string, string> | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Compiles a rule's pattern once. Every segment is literal text (escaped), a `:name` or a last `*`, so no pattern fails to compile. */
export function compileRule(rule: UrlRule): CompiledRule {
  const onHash = rule.pattern.startsWith('#');
  const names: string[] = [];
  let source = '';
  const segments = (onHash ? rule.pattern.slice(1) : rule.pattern).split('/').filter(Boolean);
  for (const [i, seg] of segments.entries()) {
    if (seg === '*' && i === segments.length - 1) {
      source += '(?:/.*)?';
    } else if (/^:[A-Za-z_][A-Za-z0-9_]*$/.test(seg)) {
      names.push(seg.slice(1));
      source += '/([^/]+)';
    } else {
      source += `/${escape(seg)}`;
    }
  }
  const re = new RegExp(`^${source}/?$`, 'i');
  return {
    rule,
    onHash,
    match(path) {
      const m = re.exec(path);
      if (!m) return null;
      const params: Record<string, string> = {};
      names.forEach((name, i) => (params[name] = safeDecode(m[i + 1] ?? '')));
      return params;
    },
  };
}

function resourceType(param: string, rule: UrlRule): string {
  return rule.resources?.[param] ?? (param.replace(/Id$/, '') || param);
}

/** The first rule that matches the URL, turned into facts. Rules are tried in order. */
export function matchUrl(rules: readonly CompiledRule[], url: Pick<URL, 'pathname' | 'hash'>): UrlFacts {
  const path = url.pathname.replace(/\/{2,}/g, '/');
  const hash = url.hash.slice(1).split('?')[0] ?? '';
  for (const compiled of rules) {
    const params = compiled.match(compiled.onHash ? hash || '/' : path);
    if (!params) continue;
    const { rule } = compiled;
    const regionParam = rule.regionParam ?? 'region';
    const facts: UrlFacts = {};
    if (rule.product) facts.product = rule.product;
    if (rule.page) facts.page = rule.page;
    const resources: ResourceRef[] = [];
    for (const [name, value] of Object.entries(params)) {
      if (!value) continue;
      if (name === regionParam) facts.region = value;
      else resources.push({ type: resourceType(name, rule), id: value });
    }
    if (resources.length) facts.resources = resources;
    return facts;
  }
  return {};
}
