import { useBinding } from '../binding-context.ts';

/** "Run a check": the host's diagnostics, and what they found. */
export function Diagnostics() {
  const { core, state, t } = useBinding();
  const { available, status, report } = state.value.diagnostics;
  if (!available) return null;
  return (
    <div class="hd-diagnostics">
      <button type="button" class="hd-chip" disabled={status === 'running'} onClick={() => void core.runDiagnostics()}>
        {status === 'running' ? t('diagnostics.running') : t('diagnostics.run')}
      </button>
      {report && status !== 'running' ? (
        <div role="status" class={report.ok ? 'hd-check hd-check--ok' : 'hd-check hd-check--bad'}>
          <p>{t(report.ok ? 'diagnostics.ok' : 'diagnostics.failed', { summary: report.summary })}</p>
          <ul class="hd-md-list">
            {report.checks.map((c, i) => (
              <li key={i}>
                {c.ok ? '✓' : '✗'} {c.name}
                {c.detail ? `: ${c.detail}` : ''}
              </li>
            ))}
          </ul>
          <p class="hd-meta">{t('diagnostics.attached')}</p>
        </div>
      ) : null}
    </div>
  );
}
