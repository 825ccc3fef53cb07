import { batch, signal, type ReadonlySignal } from '@preact/signals';
import { login, type LoginInput } from './api.ts';
import { createConnection, type Connection } from './connection.ts';
import type { Result } from './errors.ts';
import { clearSession, loadSession, saveSession, type Session } from './session.ts';

export interface ConsoleApp {
  server: string;
  session: ReadonlySignal<Session | null>;
  connection: ReadonlySignal<Connection | null>;
  /** An i18n key explaining why the agent is back at the login form, if not by choice. */
  notice: ReadonlySignal<string | null>;
  signIn(input: LoginInput): Promise<Result>;
  signOut(): void;
  destroy(): void;
}

export interface ConsoleAppOptions {
  server: string;
  storage: Storage | null;
}

/** The signed-in state of the console: session, socket, and the way back to the login form. */
export function createConsoleApp(options: ConsoleAppOptions): ConsoleApp {
  const { server, storage } = options;
  const session = signal<Session | null>(null);
  const connection = signal<Connection | null>(null);
  const notice = signal<string | null>(null);

  function end(reason: string | null): void {
    connection.value?.close();
    clearSession(storage);
    batch(() => {
      connection.value = null;
      session.value = null;
      notice.value = reason;
    });
  }

  function start(next: Session): void {
    connection.value?.close();
    batch(() => {
      session.value = next;
      notice.value = null;
      connection.value = createConnection({ server, token: next.token, agent: next.agent, onUnauthorized: () => end('login.expired') });
    });
  }

  const saved = loadSession(storage);
  if (saved) start(saved);

  return {
    server,
    session,
    connection,
    notice,
    async signIn(input) {
      const result = await login(server, input);
      if (!result.ok) return result;
      const next = { token: result.token, agent: result.agent };
      saveSession(storage, next);
      start(next);
      return { ok: true };
    },
    signOut: () => end(null),
    destroy() {
      connection.value?.close();
      connection.value = null;
    },
  };
}
