import { useBinding } from '../binding-context.ts';

/** A known incident for the user's product and region: said before anyone opens a ticket about it. */
export function StatusBanner() {
  const { state, t, lang } = useBinding();
  const incident = state.value.incidents[0];
  if (!incident) return null;
  const since = new Date(incident.startedAt).toLocaleString(lang.value, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div class={`hd-status hd-status--${incident.severity}`} role="status">
      <p class="hd-status-title">{t('status.banner', { title: incident.title })}</p>
      <p class="hd-meta">{t('status.since', { time: since })}</p>
      {incident.message ? <p class="hd-text">{incident.message}</p> : null}
    </div>
  );
}
