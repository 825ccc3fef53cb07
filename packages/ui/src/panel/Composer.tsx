import { LIMITS } from '@helpdock/protocol';
import { useBinding } from '../binding-context.ts';

/** Enter sends, Shift+Enter starts a new line; Enter that confirms an IME composition does neither. */
export function Composer() {
  const { core, state, t } = useBinding();
  const send = () => core.sendMessage(state.value.draft);
  return (
    <form
      class="hd-composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label class="hd-visually-hidden" for="hd-input">
        {t('composer.label')}
      </label>
      <textarea
        id="hd-input"
        class="hd-input"
        rows={2}
        maxLength={LIMITS.messageText}
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
      <button type="submit" class="hd-send">
        {t('composer.send')}
      </button>
    </form>
  );
}
