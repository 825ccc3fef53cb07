import { useState } from 'preact/hooks';
import type { Ticket } from '@helpdock/protocol';
import { useBinding } from '../../binding-context.ts';

/** After resolution: 1–5 and an optional comment, then a way to reopen while the window lasts. */
export function AfterResolution({ ticket, now }: { ticket: Ticket; now: number }) {
  const { core, t } = useBinding();
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const canReopen = ticket.status === 'resolved' && !!ticket.reopenUntil && Date.parse(ticket.reopenUntil) > now;
  return (
    <div class="hd-after">
      {ticket.rating ? (
        <p>{t('rating.thanks', { score: ticket.rating.score })}</p>
      ) : ticket.rating === undefined ? null : (
        <form
          class="hd-rating"
          onSubmit={(e) => {
            e.preventDefault();
            if (score) core.rateTicket(score, comment);
          }}
        >
          <fieldset>
            <legend>{t('rating.question')}</legend>
            <div class="hd-stars">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} class={n <= score ? 'hd-star hd-star--on' : 'hd-star'}>
                  <input type="radio" name="hd-rating" value={n} checked={score === n} onChange={() => setScore(n)} class="hd-visually-hidden" />
                  <span aria-hidden="true">★</span>
                  <span class="hd-visually-hidden">{t('rating.stars', { count: n })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <label class="hd-visually-hidden" for="hd-rating-comment">
            {t('rating.comment')}
          </label>
          <input id="hd-rating-comment" class="hd-input" type="text" maxLength={1000} placeholder={t('rating.comment')} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
          <button type="submit" class="hd-send" disabled={!score}>
            {t('rating.submit')}
          </button>
        </form>
      )}
      {canReopen ? (
        <button type="button" class="hd-link-button" onClick={() => core.reopenTicket()}>
          {t('ticket.reopen')}
        </button>
      ) : null}
    </div>
  );
}
