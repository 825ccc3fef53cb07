import type { Validated } from '@helpdock/protocol';
import type { Context } from 'hono';
import { httpError, httpRefusal } from './errors.ts';

export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * Parses a JSON body and checks it with `check` (a protocol `validate` call), or
 * answers with 400. Any content type is read as JSON, so a page can post
 * `text/plain` and skip the preflight.
 */
export async function readBody<T>(c: Context, check: (input: unknown) => Validated<T>): Promise<{ value: T } | { response: Response }> {
  let input: unknown;
  try {
    input = JSON.parse(await c.req.text());
  } catch {
    return { response: httpError(c, 400, 'invalid_event', 'the body must be JSON') };
  }
  const result = check(input);
  return result.ok ? { value: result.value } : { response: httpRefusal(c, 400, result.error) };
}
