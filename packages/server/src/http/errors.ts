import { protocolError, type ErrorCode, type ProtocolError } from '@helpdock/protocol';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every HTTP refusal has the same shape: `{ error: { code, message, issues? } }`. */
export function httpError(c: Context, status: ContentfulStatusCode, code: ErrorCode, message: string, issues?: ProtocolError['issues']): Response {
  return c.json({ error: protocolError(code, message, issues).error }, status);
}

export const httpRefusal = (c: Context, status: ContentfulStatusCode, error: ProtocolError): Response => c.json({ error }, status);
