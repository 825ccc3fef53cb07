import type { CoreError } from '@helpdock/core';
import { useBinding } from '../binding-context.ts';

// The host's set-up is wrong (unknown app, page not allowed): nothing the user can retry.
const SETUP_PROBLEMS: ReadonlySet<string> = new Set(['unknown_app', 'origin_not_allowed']);

function isSetupProblem(error: CoreError): boolean {
  return 'reason' in error && error.reason !== undefined && SETUP_PROBLEMS.has(error.reason);
}

// The server wants a verified user (identity required, or the identity token was refused): retrying cannot help.
const signIn = (error: CoreError): boolean => error.kind === 'handoff_failed' && error.reason === 'unauthorized';

type Params = Record<string, string | number>;

/** Errors and connection trouble, as the core reports them. */
export function Notice() {
  const { core, state, t } = useBinding();
  const { error, connection, ticket, handoffPending } = state.value;
  if (error) {
    const setup = isSetupProblem(error);
    return (
      <div class="hd-notice hd-notice--error" role="alert">
        {/* The error is its own parameters; its reason picks a more precise wording where one exists (error.upload_failed_too_large). */}
        <p>{t(setup ? 'error.not_set_up' : signIn(error) ? 'error.sign_in' : `error.${error.kind}`, { ...error, context: 'reason' in error ? error.reason : undefined } as Params)}</p>
        <div class="hd-notice-actions">
          {error.kind === 'handoff_failed' && !setup && !signIn(error) ? (
            <button type="button" class="hd-link-button" onClick={() => core.requestHuman()}>
              {t('error.retry')}
            </button>
          ) : null}
          <button type="button" class="hd-link-button" onClick={() => core.dismissError()}>
            {t('error.dismiss')}
          </button>
        </div>
      </div>
    );
  }
  if (handoffPending) {
    return (
      <p class="hd-notice" role="status">
        {t('human.connecting')}
      </p>
    );
  }
  if (ticket && connection === 'offline') {
    return (
      <p class="hd-notice" role="status">
        {t('connection.offline')}
      </p>
    );
  }
  return null;
}
