import { LIMITS } from '@helpdock/protocol';
import { useBinding } from '../binding-context.ts';
import { AttachButton } from './attachments/lazy.tsx';

/** Enter sends, Shift+Enter starts a new line; Enter that confirms an IME composition does neither. */
// Show the count only when it matters: close to the limit or past it.
const COUNT_FROM = Math.floor(LIMITS.messageText * 0.9);

export function Composer() {
  const { core, state, t } = useBinding();
  const send = () => core.sendMessage(state.value.draft);
  const length = state.value.draft.length;
  const over = length > LIMITS.messageText;
  const { ticket, phase } = state.value;
  return (
    <form
      class="hd-composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {ticket && phase !== 'resolved' ? <AttachButton /> : null}
      <label class="hd-visually-hidden" for="hd-input">
        {t('composer.label')}
      </label>
      <textarea
        id="hd-input"
        class="hd-input"
        rows={2}
        aria-invalid={over}
        aria-describedby={length >= COUNT_FROM ? 'hd-count' : undefined}
        placeholder={t('composer.placeholder')}
        value={state.value.draft}
        onInput={(e) => core.setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            send();
          }
        }}
      />
      {length >= COUNT_FROM ? (
        <span id="hd-count" class={over ? 'hd-count hd-count--over' : 'hd-count'} aria-live="polite">
          {t('composer.count', { count: length, limit: LIMITS.messageText })}
        </span>
      ) : null}
      <button type="submit" class="hd-send">
        {t('composer.send')}
      </button>
    </form>
  );
}
