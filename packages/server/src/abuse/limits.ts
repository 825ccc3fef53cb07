/*
 * Token buckets per (rule, key): a burst, then a steady rate. Kept in memory on
 * each node, so with N nodes a client spread over all of them gets up to N times
 * the rate; sticky sessions keep a visitor on one node anyway.
 */

export type RateRule =
  | 'session:ip'
  | 'message:visitor'
  | 'message:ip'
  | 'handoff:visitor'
  /** Questions to the FAQ bot: each is a search of the app's KB. */
  | 'bot:ip'
  | 'handoff:ip'
  /** Transcripts sent by e-mail: each one is a mail to an address the visitor typed. */
  | 'mail:visitor'
  | 'mail:ip'
  /** Reserved for attachments: the upload route takes from these once it exists. */
  | 'upload:visitor'
  | 'upload:ip';

export interface RateLimit {
  /** Requests allowed at once. */
  burst: number;
  /** Requests added back per minute. */
  perMinute: number;
}

export type RateLimitOptions = Partial<Record<RateRule, RateLimit>>;

export const DEFAULT_RATE_LIMITS: Readonly<Record<RateRule, RateLimit>> = {
  'session:ip': { burst: 30, perMinute: 60 },
  'message:visitor': { burst: 20, perMinute: 60 },
  'message:ip': { burst: 200, perMinute: 1200 },
  'handoff:visitor': { burst: 5, perMinute: 10 },
  'handoff:ip': { burst: 30, perMinute: 60 },
  'bot:ip': { burst: 200, perMinute: 1200 },
  'mail:visitor': { burst: 3, perMinute: 1 },
  'mail:ip': { burst: 10, perMinute: 5 },
  'upload:visitor': { burst: 10, perMinute: 20 },
  'upload:ip': { burst: 60, perMinute: 300 },
};

export interface Limits {
  /** Takes one token; returns why the request is refused, or null when it may go ahead. */
  take(rule: RateRule, key: string): string | null;
}

interface Bucket {
  tokens: number;
  at: number;
}

// Full buckets carry no information; they are dropped once the map grows past this.
const SWEEP_AT = 50_000;

export function createLimits(options: RateLimitOptions | false | undefined, now: () => number = Date.now): Limits {
  if (options === false) return { take: () => null };
  const rules: Record<RateRule, RateLimit> = { ...DEFAULT_RATE_LIMITS, ...options };
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, rule: RateLimit, t: number) => {
    bucket.tokens = Math.min(rule.burst, bucket.tokens + ((t - bucket.at) / 60_000) * rule.perMinute);
    bucket.at = t;
  };

  const sweep = (t: number) => {
    for (const [id, bucket] of buckets) {
      const rule = rules[id.slice(0, id.indexOf('|')) as RateRule];
      refill(bucket, rule, t);
      if (bucket.tokens >= rule.burst) buckets.delete(id);
    }
  };

  return {
    take(name, key) {
      const rule = rules[name];
      const t = now();
      const id = `${name}|${key}`;
      let bucket = buckets.get(id);
      if (!bucket) {
        if (buckets.size >= SWEEP_AT) sweep(t);
        bucket = { tokens: rule.burst, at: t };
        buckets.set(id, bucket);
      } else {
        refill(bucket, rule, t);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      const waitSeconds = Math.max(1, Math.ceil(((1 - bucket.tokens) / rule.perMinute) * 60));
      const [what, per] = name.split(':') as [string, string];
      return `too many ${what} requests from this ${per === 'ip' ? 'address' : 'visitor'}; try again in ${waitSeconds} s`;
    },
  };
}
