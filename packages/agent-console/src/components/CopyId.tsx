import { useState } from 'preact/hooks';
import { useT } from '../i18n.tsx';

/** A resource id as text, with a button that copies it; the result is announced, never a dialog. */
export function CopyId({ value, label }: { value: string; label: string }) {
  const t = useT();
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = () => {
    const clipboard = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
    if (!clipboard) {
      setCopied('failed');
      return;
    }
    clipboard.writeText(value).then(
      () => setCopied('done'),
      () => setCopied('failed'),
    );
  };
  return (
    <span class="copy-id">
      <code>{value}</code>
      <button type="button" class="link-button" aria-label={t('context.copy', { what: label })} onClick={copy}>
        {t('context.copyShort')}
      </button>
      <span role="status" class="copy-status">
        {copied === 'done' ? t('context.copied') : copied === 'failed' ? t('context.copyFailed') : ''}
      </span>
    </span>
  );
}
