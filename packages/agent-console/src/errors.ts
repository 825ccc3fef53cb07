import type { ErrorCode } from '@helpdock/protocol';

/** A server refusal, or a failure on the way to the server. */
export interface ClientError {
  code: ErrorCode | 'network' | 'timeout';
  /** Server's English reason (or the transport's); shown only as detail. */
  message: string;
}

/** What every console action resolves to: it never throws. */
export type Result<T = object> = ({ ok: true } & T) | { ok: false; error: ClientError };

const CODES: ReadonlySet<string> = new Set<ClientError['code']>([
  'invalid_event', 'unknown_app', 'origin_not_allowed', 'unauthorized', 'forbidden', 'not_found',
  'conflict', 'too_large', 'unsupported_type', 'rate_limited', 'internal', 'network', 'timeout',
]);

/** Reads `{ code, message }` from anything a server or transport handed us. */
export function toClientError(value: unknown, fallback: ClientError['code'] = 'internal'): ClientError {
  const v = (value ?? {}) as { code?: unknown; message?: unknown };
  const code = typeof v.code === 'string' && CODES.has(v.code) ? (v.code as ClientError['code']) : fallback;
  const message = typeof v.message === 'string' ? v.message : '';
  return { code, message };
}
