import { useState, type FormEvent } from 'react';
import { useHelpdock, type SignedInUser } from './useHelpdock.ts';

async function logIn(user: string): Promise<SignedInUser> {
  const res = await fetch('/api/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
  const body = (await res.json()) as { user?: { id: string; name: string }; helpdockToken?: string; error?: string };
  if (!res.ok || !body.user || !body.helpdockToken) throw new Error(body.error ?? `login failed (${res.status})`);
  return { ...body.user, helpdockToken: body.helpdockToken };
}

function LoginForm({ onLogin }: { onLogin: (user: SignedInUser) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const user = String(new FormData(event.currentTarget).get('user'));
    setBusy(true);
    logIn(user).then(onLogin, (err: unknown) => setError(err instanceof Error ? err.message : String(err))).finally(() => setBusy(false));
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="login-title">
      <h1 id="login-title">Sign in to Orbit</h1>
      <label>
        Account
        <select name="user" defaultValue="alice">
          <option value="alice">Alice Moreau</option>
          <option value="bob">Bob Tanaka</option>
        </select>
      </label>
      <button type="submit" disabled={busy}>Sign in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

/** The signed-in part of the app: it mounts on sign-in, so StrictMode mounts its effects twice in development. */
function Console({ user, onLogout }: { user: SignedInUser; onLogout: () => void }) {
  const helpdock = useHelpdock(user);
  const logOut = () => {
    // Signing out: the widget goes, and this user's conversation is forgotten on this device.
    helpdock?.shutdown();
    onLogout();
  };
  return (
    <>
      <header className="topbar">
        <span className="brand">Orbit</span>
        <span>Signed in as {user.name}</span>
        <button type="button" onClick={logOut}>Sign out</button>
      </header>
      <main className="card">
        <h1>Deployments</h1>
        <p>3 services, all healthy.</p>
        <button type="button" onClick={() => helpdock?.showNewMessage('I need help with a deployment: ')} disabled={!helpdock}>
          Contact support
        </button>
      </main>
    </>
  );
}

export function App() {
  const [user, setUser] = useState<SignedInUser | null>(null);
  return user ? <Console user={user} onLogout={() => setUser(null)} /> : <LoginForm onLogin={setUser} />;
}
