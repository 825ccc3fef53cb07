/**
 * A fresh idempotency key for one outgoing message. `crypto.randomUUID` only
 * exists in secure contexts, and a self-hosted console may be served over
 * plain http on a LAN address, so fall back to random bytes.
 */
export function newClientId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const bytes = c.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
