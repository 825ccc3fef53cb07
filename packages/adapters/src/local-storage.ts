import type { Storage } from '@helpdock/core';
import { memoryStorage } from './memory-storage.ts';

function probe(area: 'localStorage' | 'sessionStorage'): globalThis.Storage | null {
  try {
    // Reading the property itself throws in sandboxed iframes and with cookies blocked.
    const ls = globalThis[area];
    const key = '__helpdock_probe__';
    ls.setItem(key, key);
    ls.removeItem(key);
    return ls;
  } catch {
    return null;
  }
}

/**
 * `localStorage` under `prefix`, degrading to memory when it is unavailable
 * (private mode, blocked cookies, sandbox, quota): the chat keeps working for
 * this page view, it is just not restored after a reload.
 */
export function localStorageStorage(prefix = 'helpdock:', area: 'localStorage' | 'sessionStorage' = 'localStorage'): Storage {
  const memory = memoryStorage();
  let ls = probe(area);
  return {
    get(key) {
      if (ls) {
        try {
          return ls.getItem(prefix + key) ?? memory.get(key);
        } catch {
          ls = null;
        }
      }
      return memory.get(key);
    },
    set(key, value) {
      memory.set(key, value);
      try {
        ls?.setItem(prefix + key, value);
      } catch {
        // Full or revoked: this value lives in memory only.
      }
    },
    remove(key) {
      memory.remove(key);
      try {
        ls?.removeItem(prefix + key);
      } catch {
        ls = null;
      }
    },
  };
}
