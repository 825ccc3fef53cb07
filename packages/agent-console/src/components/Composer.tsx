import { useEffect, useRef, useState } from 'preact/hooks';
import { LIMITS, type Message } from '@helpdock/protocol';
import type { ClientError, Result } from '../errors.ts';
import { useT } from '../i18n.tsx';
import { newClientId } from '../ids.ts';
import { ErrorText } from './ErrorText.tsx';

export interface ComposerProps {
  conversationId: string;
  send: (conversationId: string, clientId: string, text: string) => Promise<Result<{ message: Message }>>;
  /** Tells the visitor the agent is typing; called at most every few seconds, and once when typing stops. */
  onTyping?: (conversationId: string, typing: boolean) => void;
}

const TYPING_EVERY_MS = 2500;

/** Reply box: Enter sends, Shift+Enter starts a new line; a refused reply stays in the box. */
export function Composer({ conversationId, send, onTyping }: ComposerProps) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ClientError | null>(null);
  // Retrying the very same text reuses its key, so a reply that did arrive is not stored twice.
  const attempt = useRef<{ clientId: string; text: string } | null>(null);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  // Throttled: one "typing" per TYPING_EVERY_MS while keys are pressed, one "stopped" after a pause.
  const lastTyping = useRef(0);
  const stopTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(stopTimer.current), []);
  function typed() {
    if (!onTyping) return;
    const now = Date.now();
    if (now - lastTyping.current > TYPING_EVERY_MS) {
      lastTyping.current = now;
      onTyping(conversationId, true);
    }
    clearTimeout(stopTimer.current);
    stopTimer.current = setTimeout(() => {
      lastTyping.current = 0;
      onTyping(conversationId, false);
    }, TYPING_EVERY_MS);
  }
  const id = `reply-${conversationId}`;

  async function submit() {
    const value = text.trim();
    if (!value || busy) return;
    // Refuse here, and keep every character: the box never cuts a paste short.
    if (value.length > LIMITS.messageText) {
      setError({ code: 'too_large', message: `${value.length} / ${LIMITS.messageText}` });
      return;
    }
    const clientId = attempt.current?.text === value ? attempt.current.clientId : newClientId();
    attempt.current = { clientId, text: value };
    setBusy(true);
    setError(null);
    const result = await send(conversationId, clientId, value);
    if (!mounted.current) return;
    setBusy(false);
    if (result.ok) {
      attempt.current = null;
      setText((current) => (current.trim() === value ? '' : current));
    } else {
      setError(result.error);
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    // While an IME is composing (Chinese, Japanese…), Enter picks a candidate: never send then.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void submit();
    }
  }

  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label for={id} class="sr-only">
        {t('composer.label')}
      </label>
      <textarea
        id={id}
        rows={3}
        value={text}
        placeholder={t('composer.placeholder')}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => {
          setText(e.currentTarget.value);
          typed();
        }}
        onKeyDown={onKeyDown}
      />
      <div class="composer-row">
        <ErrorText error={error} id={`${id}-error`} />
        <button type="submit" class="primary" disabled={busy}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}
