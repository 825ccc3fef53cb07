import { useState } from 'preact/hooks';
import type { LoginInput } from '../api.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { TopBar } from '../components/TopBar.tsx';
import type { ClientError, Result } from '../errors.ts';
import { useT } from '../i18n.tsx';

export interface LoginViewProps {
  signIn: (input: LoginInput) => Promise<Result>;
  /** An i18n key saying why the agent landed here (e.g. the session expired). */
  notice?: string | null;
  /** @default 'demo' */
  defaultAppId?: string;
}

export function LoginView({ signIn, notice = null, defaultAppId = 'demo' }: LoginViewProps) {
  const t = useT();
  const [appId, setAppId] = useState(defaultAppId);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);

  async function onSubmit(event: Event) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await signIn({ appId: appId.trim(), email: email.trim(), password });
    // On success this view unmounts; only a refusal needs handling.
    if (!result.ok) {
      setBusy(false);
      setError(result.error);
    }
  }

  return (
    <div class="shell">
      <TopBar />
      <main class="login" id="main">
        <form class="login-form" aria-labelledby="login-title" onSubmit={(e) => void onSubmit(e)}>
          <h1 id="login-title">{t('login.title')}</h1>
          {notice ? <p class="notice">{t(notice)}</p> : null}
          <label for="login-app">{t('login.appId')}</label>
          <input id="login-app" name="appId" type="text" required autoComplete="organization" value={appId} onInput={(e) => setAppId(e.currentTarget.value)} />
          <label for="login-email">{t('login.email')}</label>
          <input id="login-email" name="email" type="email" required autoComplete="username" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          <label for="login-password">{t('login.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
          {error ? <LoginError error={error} /> : null}
          <button type="submit" class="primary" disabled={busy}>
            {t('login.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}

/** Wrong credentials get their own plain wording; anything else is worded by its code. */
function LoginError({ error }: { error: ClientError }) {
  const t = useT();
  if (error.code === 'unauthorized') {
    return (
      <p class="error" role="alert">
        {t('login.wrongCredentials')}
      </p>
    );
  }
  return <ErrorText error={error} />;
}
