import { isolate } from './isolate.ts';
import { useBinding } from './binding-context.ts';
import { CloseIcon } from './icons.tsx';

/**
 * "Seeing QuotaExceeded? Here's how to fix it" beside the launcher. A polite
 * live region: announced, never focused, and gone when dismissed or opened.
 * Hovering or focusing it needs to fetch nothing: the launcher loads the panel's
 * code as soon as a nudge appears, so this code is already here.
 */
export function Nudge() {
  const { core, state, t, dir } = useBinding();
  const nudge = state.value.nudge;
  return (
    <div class="hd-nudge-region" aria-live="polite">
      {nudge ? (
        <div class="hd-nudge">
          <button
            type="button"
            class="hd-nudge-text"
            onClick={() => {
              core.openArticle(nudge.article);
              core.open();
            }}
          >
            {t('nudge.text', { code: isolate(nudge.code, dir.value) })}
          </button>
          <button type="button" class="hd-icon-button" aria-label={t('nudge.dismiss')} onClick={() => core.dismissNudge()}>
            <CloseIcon />
          </button>
        </div>
      ) : null}
    </div>
  );
}
