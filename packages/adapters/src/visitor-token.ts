import type { Storage } from '@helpdock/core';

// Apart from the session request, so that forgetting a visitor (shutdown, which
// ships with the launcher) does not pull the session code in with it.

export const tokenKey = (appId: string) => `visitor-token:${appId}`;

export function storedToken(storage: Storage, appId: string): string | null {
  try {
    return storage.get(tokenKey(appId));
  } catch {
    return null;
  }
}

/** Drops the visitor token (sign-out): the next session is a new visitor. */
export function forgetVisitor(storage: Storage, appId: string): void {
  try {
    storage.remove(tokenKey(appId));
  } catch {
    // Nothing stored, nothing to forget.
  }
}
