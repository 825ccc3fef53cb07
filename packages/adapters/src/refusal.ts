import type { ErrorCode, ProtocolError } from '@helpdock/protocol';

/** A request the server answered with a reason (as opposed to no answer at all). */
export class RefusedError extends Error {
  readonly code: ErrorCode;
  constructor(error: ProtocolError) {
    super(error.message);
    this.name = 'RefusedError';
    this.code = error.code;
  }
}

// Refusals that mean the host's set-up is wrong, not that the user did something.
const SETUP: ReadonlySet<string> = new Set(['unknown_app', 'origin_not_allowed']);
const warned = new Set<string>();

/**
 * Tells the host's developer, once per reason, what to fix in their set-up;
 * the user only sees that chat is not available here.
 */
export function reportSetupProblem(error: { code: string; message: string }): void {
  if (!SETUP.has(error.code) || warned.has(error.code)) return;
  warned.add(error.code);
  console.warn(`[helpdock] the server refused this page: ${error.message} (${error.code})`);
}

/** The `{ error }` body of a refused HTTP request, if it has one. */
export async function refusalOf(res: Response): Promise<ProtocolError | null> {
  const body = (await res.json().catch(() => null)) as { error?: Partial<ProtocolError> } | null;
  const error = body?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string' ? (error as ProtocolError) : null;
}
