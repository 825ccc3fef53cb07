/*
 * Errors that mean "the database cannot be reached right now" rather than "this
 * request is wrong": refused or reset connections, a server shutting down or
 * starting up, a connection lost mid-query. They become `unavailable` for the
 * client (retry later, nothing was changed) and a warning, not an error, here.
 */
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);

export function isStoreUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK.has(code)) return true;
    // SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, crash, cannot connect now).
    if (/^08[0-9A-Z]{3}$/.test(code) || /^57P0[1-3]$/.test(code)) return true;
  }
  return typeof message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(message);
}

export const UNAVAILABLE_MESSAGE = 'the database is unavailable right now; nothing was changed, try again shortly';
