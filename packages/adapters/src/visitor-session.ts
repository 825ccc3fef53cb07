import type { Storage } from '@helpdock/core';
import { HTTP, type Identity, type ProtocolError, type VisitorSessionResponse } from '@helpdock/protocol';
import { reportSetupProblem } from './refusal.ts';
import { storedToken, tokenKey } from './visitor-token.ts';

export interface VisitorSessionOptions {
  serverUrl: string;
  appId: string;
  storage: Storage;
  fetch?: typeof fetch | undefined;
  /**
   * The signed-in user and the token the host's backend made for them, read at
   * each request so a refreshed token is used. Verified sessions are never
   * written to `storage`: a reload waits for the host to identify the user again.
   */
  identity?: (() => Identity | null) | undefined;
}

export type SessionResult = { ok: true; token: string; features: { transcriptEmail: boolean } } | { ok: false; error: ProtocolError | { code: 'network'; message: string } };


/**
 * A signed anonymous visitor session. The previous token is sent along so the
 * server resumes the same visitor (and their conversations) when it still holds.
 */
export async function visitorSession(options: VisitorSessionOptions): Promise<SessionResult> {
  const { serverUrl, appId, storage } = options;
  const identity = options.identity?.() ?? null;
  const previous = identity ? null : storedToken(storage, appId);
  let res: Response;
  try {
    res = await (options.fetch ?? globalThis.fetch)(`${serverUrl.replace(/\/$/, '')}${HTTP.visitorSession}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(identity ? { appId, identity } : previous ? { appId, token: previous } : { appId }),
      credentials: 'omit',
    });
  } catch (err) {
    return { ok: false, error: { code: 'network', message: String(err) } };
  }
  const body = (await res.json().catch(() => null)) as (VisitorSessionResponse & { error?: ProtocolError }) | null;
  if (!res.ok || !body?.token) {
    if (body?.error) reportSetupProblem(body.error, identity !== null);
    return { ok: false, error: body?.error ?? { code: 'network', message: `HTTP ${res.status}` } };
  }
  // A verified session is never stored (see `identity`).
  if (!identity) {
    try {
      storage.set(tokenKey(appId), body.token);
    } catch {
      // Without storage the visitor simply gets a new session next time.
    }
  }
  return { ok: true, token: body.token, features: { transcriptEmail: body.features?.transcriptEmail === true } };
}
