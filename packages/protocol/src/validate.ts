import * as v from 'valibot';
import { protocolError, type ProtocolError } from './errors.ts';

export type Validated<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

/**
 * Checks untrusted input against a schema. Never throws: a failure comes back
 * as an `invalid_event` error that names every offending field.
 */
export function validate<S extends v.GenericSchema>(schema: S, input: unknown): Validated<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issues = result.issues.map((issue) => ({
    path: issue.path?.map((p) => String(p.key)).join('.') || '(root)',
    message: issue.message,
  }));
  const first = issues[0];
  return protocolError('invalid_event', first ? `${first.path}: ${first.message}` : 'invalid input', issues);
}
