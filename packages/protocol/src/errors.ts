/** Every reason the server can refuse a request or an event for. */
export type ErrorCode =
  | 'invalid_event'
  | 'unknown_app'
  | 'origin_not_allowed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  /** An upload whose content is not one of the allowed kinds (see LIMITS and docs/attachments.md). */
  | 'unsupported_type'
  | 'rate_limited'
  /** A store or broker the server needs is down for now: nothing was changed; retry shortly. */
  | 'unavailable'
  | 'internal';

export interface ProtocolError {
  code: ErrorCode;
  /** Human-readable reason, in English; clients map `code` to their own wording. */
  message: string;
  /** For `invalid_event`: the dotted path of each field that failed, with why. */
  issues?: { path: string; message: string }[];
}

/** What every socket.io acknowledgement carries: a result or a reason. */
export type Ack<T> = ({ ok: true } & T) | { ok: false; error: ProtocolError };

export function protocolError(code: ErrorCode, message: string, issues?: ProtocolError['issues']): { ok: false; error: ProtocolError } {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}
