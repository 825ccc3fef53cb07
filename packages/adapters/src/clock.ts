import type { Clock } from '@helpdock/core';

export function systemClock(): Clock {
  return {
    now: () => Date.now(),
    schedule(fn, ms) {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    },
  };
}

/** Idempotency keys for messages and handoffs. */
export function randomId(): string {
  // randomUUID needs a secure context; plain-HTTP consoles still deserve unique keys.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
