import type { Agent } from '@helpdock/protocol';

/** A signed-in agent, kept for the life of the browser tab only. */
export interface Session {
  token: string;
  agent: Agent;
}

const KEY = 'helpdock.agent.session';

/** The tab's session storage, or null where the browser refuses it (privacy modes, sandboxed frames). */
export function tabStorage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function loadSession(storage: Storage | null): Session | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<Session>;
    return typeof value.token === 'string' && value.agent && typeof value.agent.id === 'string' ? { token: value.token, agent: value.agent } : null;
  } catch {
    return null;
  }
}

export function saveSession(storage: Storage | null, session: Session): void {
  try {
    storage?.setItem(KEY, JSON.stringify(session));
  } catch {
    // Without storage the session simply lasts until reload.
  }
}

export function clearSession(storage: Storage | null): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
