/** What tabs of one visitor tell each other. */
export type TabNote = { kind: 'read'; seq: number } | { kind: 'ding'; seq: number };

export interface TabSync {
  post(note: TabNote): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (note: TabNote) => void): () => void;
  close(): void;
}

function isNote(value: unknown): value is TabNote {
  const v = value as { kind?: unknown; seq?: unknown } | null;
  return !!v && (v.kind === 'read' || v.kind === 'ding') && typeof v.seq === 'number' && Number.isFinite(v.seq);
}

/**
 * Tabs of the same visitor on the same app share small facts (the read mark), so
 * clearing the badge in one tab clears it in all. BroadcastChannel where the
 * browser has it; else `storage` events on a key written for the purpose; else
 * nothing (each tab then still catches up through the server's receipts).
 */
export function tabSync(appId: string): TabSync {
  const name = `helpdock:${appId}:tabs`;
  const listeners = new Set<(note: TabNote) => void>();
  const deliver = (data: unknown) => {
    if (isNote(data)) for (const l of listeners) l(data);
  };
  let post: (note: TabNote) => void = () => undefined;
  let stop: () => void = () => undefined;

  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(name);
    channel.onmessage = (e: MessageEvent) => deliver(e.data);
    post = (note) => channel.postMessage(note);
    stop = () => channel.close();
  } else if (typeof globalThis.addEventListener === 'function') {
    const onStorage = (e: StorageEvent) => {
      if (e.key !== name || !e.newValue) return;
      try {
        deliver(JSON.parse(e.newValue));
      } catch {
        // Someone else's value under our key: ignore it.
      }
    };
    globalThis.addEventListener('storage', onStorage);
    post = (note) => {
      try {
        // A fresh value every time, so the same note twice still fires an event in the other tabs.
        localStorage.setItem(name, JSON.stringify({ ...note, n: Math.random() }));
      } catch {
        // Storage disabled: tabs fall back to the server's receipts.
      }
    };
    stop = () => globalThis.removeEventListener('storage', onStorage);
  }

  return {
    post: (note) => post(note),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    close() {
      listeners.clear();
      stop();
    },
  };
}
