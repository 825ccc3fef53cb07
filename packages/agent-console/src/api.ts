import { HTTP, type AgentLoginResponse } from '@helpdock/protocol';
import { toClientError, type ClientError, type Result } from './errors.ts';

export interface LoginInput {
  appId: string;
  email: string;
  password: string;
}

const STATUS_CODES: Record<number, ClientError['code']> = { 400: 'invalid_event', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 413: 'too_large', 415: 'unsupported_type', 429: 'rate_limited' };

/**
 * The server to talk to: the origin the console is served from, or a
 * `?server=` override for running the console from a dev server.
 */
export function serverUrl(location: Pick<Location, 'origin' | 'search'>): string {
  const override = new URLSearchParams(location.search).get('server');
  if (override) {
    try {
      const url = new URL(override);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
    } catch {
      // A malformed override falls back to the console's own origin.
    }
  }
  return location.origin;
}

/** `POST /api/v1/agent/login`. Resolves to the session or to why it was refused; never throws. */
export async function login(server: string, input: LoginInput, fetchImpl: typeof fetch = globalThis.fetch): Promise<Result<AgentLoginResponse>> {
  let response: Response;
  try {
    response = await fetchImpl(`${server}${HTTP.agentLogin}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch (err) {
    return { ok: false, error: { code: 'network', message: err instanceof Error ? err.message : String(err) } };
  }
  const body = (await response.json().catch(() => null)) as Partial<AgentLoginResponse> & { error?: unknown } | null;
  if (!response.ok) {
    const fallback = STATUS_CODES[response.status] ?? 'internal';
    const error = body?.error ? toClientError(body.error, fallback) : { code: fallback, message: `HTTP ${response.status}` };
    return { ok: false, error };
  }
  if (!body || typeof body.token !== 'string' || !body.agent || typeof body.agent.id !== 'string') {
    return { ok: false, error: { code: 'internal', message: 'unexpected login response' } };
  }
  return { ok: true, token: body.token, agent: body.agent };
}
