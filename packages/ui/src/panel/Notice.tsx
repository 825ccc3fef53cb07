import { useBinding } from '../binding-context.ts';

/** Errors and connection trouble, as the core reports them. */
export function Notice() {
  const { core, state, t } = useBinding();
  const { error, connection, ticket, handoffPending } = state.value;
  if (error) {
    return (
      <div class="hd-notice hd-notice--error" role="alert">
        <p>{t(`error.${error.kind}`)}</p>
        <div class="hd-notice-actions">
          {error.kind === 'handoff_failed' ? (
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
