import { isolate } from '../../isolate.ts';
import { useState } from 'preact/hooks';
import type { Ticket } from '@helpdock/protocol';
import { useBinding } from '../../binding-context.ts';
import { unanswered } from './unanswered.ts';

/** Nobody online, or outside business hours: say when to expect an answer, and offer to leave an e-mail. */
export function AvailabilityNotice({ ticket }: { ticket: Ticket }) {
  const { core, t, lang, dir } = useBinding();
  const [email, setEmail] = useState('');
  const a = ticket.availability;
  if (!a || !unanswered(ticket)) return null;
  const when = (iso: string) => new Date(iso).toLocaleString(lang.value, { weekday: 'short', hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' });
  return (
    <div class="hd-notice" role="status">
      <p>{a.withinHours ? t('availability.nobodyOnline', { time: when(a.expectedBy) }) : t('availability.closed', { open: when(a.nextOpenAt ?? a.expectedBy), time: when(a.expectedBy) })}</p>
      {ticket.contactEmail ? (
        <p>{t('availability.emailSaved', { email: isolate(ticket.contactEmail, dir.value) })}</p>
      ) : (
        <form
          class="hd-email"
          onSubmit={(e) => {
            e.preventDefault();
            if (email.trim()) core.leaveEmail(email);
          }}
        >
          <label for="hd-email">{t('availability.emailLabel')}</label>
          <input id="hd-email" class="hd-input" type="email" autoComplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
          <button type="submit" class="hd-send">
            {t('availability.emailSubmit')}
          </button>
        </form>
      )}
    </div>
  );
}
