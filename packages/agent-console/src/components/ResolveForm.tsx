import { useState } from 'preact/hooks';
import { LIMITS } from '@helpdock/protocol';
import type { ClientError, Result } from '../errors.ts';
import { useT } from '../i18n.tsx';
import { ErrorText } from './ErrorText.tsx';

export interface ResolveFormProps {
  ticketId: string;
  resolve: (ticketId: string, resolution: string) => Promise<Result>;
}

/** Closes the ticket with a summary the visitor will see. */
export function ResolveForm({ ticketId, resolve }: ResolveFormProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  const id = `resolution-${ticketId}`;

  async function onSubmit(event: Event) {
    event.preventDefault();
    const resolution = text.trim();
    if (!resolution || busy) return;
    setBusy(true);
    setError(null);
    const result = await resolve(ticketId, resolution);
    setBusy(false);
    if (result.ok) setText('');
    else setError(result.error);
  }

  return (
    <form class="resolve" onSubmit={(e) => void onSubmit(e)}>
      <label for={id}>{t('resolve.label')}</label>
      <div class="resolve-row">
        <input
          id={id}
          type="text"
          value={text}
          maxLength={LIMITS.resolution}
          placeholder={t('resolve.placeholder')}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy || !text.trim()}>
          {t('resolve.submit')}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
