import { useEffect, useRef } from 'preact/hooks';
import { useBinding } from '../../binding-context.ts';
import { adoptStyles } from './styles.ts';

// What the server accepts (it checks the content itself): the picker only offers these.
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,.log,.txt,.json';

/** The composer's paperclip: a labelled button that opens the file picker; the file goes as soon as it is picked. */
export function AttachButton() {
  const { core, state, t } = useBinding();
  const picker = useRef<HTMLInputElement>(null);
  useEffect(() => adoptStyles(picker.current), []);
  const uploading = state.value.uploads?.[0];
  return (
    <>
      <button type="button" class="hd-attach" aria-label={t('composer.attach')} title={t('composer.attach')} onClick={() => picker.current?.click()}>
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M20 11l-8 8a5 5 0 01-7-7l8-8a3 3 0 015 5l-8 8a1 1 0 01-2-2l7-7" />
        </svg>
      </button>
      <input
        ref={picker}
        type="file"
        hidden
        tabIndex={-1}
        accept={ACCEPT}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void core.attachFile(file);
        }}
      />
      {uploading ? (
        <span class="hd-count" role="status">
          {t('composer.uploading', { name: uploading })}
        </span>
      ) : null}
    </>
  );
}
