import type { ErrorCode, ProtocolError } from '@helpdock/protocol';

/** A request the server answered with a reason (as opposed to no answer at all). */
export class RefusedError extends Error {
  // Set in the constructor: `declare` emits no class field for it as well.
  declare readonly code: ErrorCode;
  constructor(error: ProtocolError) {
    super(error.message);
    this.name = 'RefusedError';
    this.code = error.code;
  }
}

// Refusals that mean the host's set-up is wrong, not that the user did something. A refused identity
// (bad, expired or revoked token; identify missing where required) is the host's to fix too.
const SETUP: ReadonlySet<string> = new Set(['unknown_app', 'origin_not_allowed', 'unauthorized']);
const warned = new Set<string>();

/**
 * Tells the host's developer, once per reason, what to fix in their set-up;
 * the user only sees that chat is not available here.
 */
export function reportSetupProblem(error: { code: string; message: string }, identified = false): void {
  // A refused identity once per reason (its message: expired, revoked…), the others once per code.
  const key = error.code === 'unauthorized' ? `unauthorized:${error.message}` : error.code;
  if (!SETUP.has(error.code) || warned.has(key)) return;
  warned.add(key);
  const what = identified ? 'the identity token' : 'this page';
  console.warn(`[helpdock] the server refused ${what}: ${error.message} (${error.code})`);
}

/** The `{ error }` body of a refused HTTP request, if it has one. */
export async function refusalOf(res: Response): Promise<ProtocolError | null> {
  const body = (await res.json().catch(() => null)) as { error?: Partial<ProtocolError> } | null;
  const error = body?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string' ? (error as ProtocolError) : null;
}
