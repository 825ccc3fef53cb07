import type { AgentProfile } from '@helpdock/protocol';
import { useT } from '../i18n.tsx';

/** Online takes new tickets; away keeps the agent's own tickets but takes no new ones. */
export function PresenceSwitch({ profile, setStatus }: { profile: AgentProfile | null; setStatus: (s: 'online' | 'away') => unknown }) {
  const t = useT();
  const value = profile?.status === 'online' ? 'online' : 'away';
  return (
    <label class="presence">
      <span class={`dot dot--${value}`} aria-hidden="true" />
      <span class="sr-only">{t('presence.label')}</span>
      <select value={value} onChange={(e) => void setStatus(e.currentTarget.value as 'online' | 'away')}>
        <option value="online">{t('presence.online')}</option>
        <option value="away">{t('presence.away')}</option>
      </select>
      {profile ? <span class="load">{t('presence.load', { load: profile.load, capacity: profile.capacity, tier: profile.tier })}</span> : null}
    </label>
  );
}
