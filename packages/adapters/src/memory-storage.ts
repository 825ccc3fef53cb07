import type { Storage } from '@helpdock/core';

/** Storage that lasts as long as the page: for tests, SSR, and as the fallback of `localStorageStorage`. */
export function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}
