import { useBinding } from '../binding-context.ts';

/** Always one click away until a ticket exists: the visitor is never trapped with the bot. */
export function HumanButton() {
  const { core, state, t } = useBinding();
  const { ticket, phase, handoffPending } = state.value;
  if (ticket && phase !== 'resolved') return null;
  return (
    <button type="button" class="hd-human" disabled={handoffPending} onClick={() => core.reviewHandoff()}>
      {t('human.request')}
    </button>
  );
}
