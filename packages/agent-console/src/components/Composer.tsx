import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReadonlySignal } from '@preact/signals';
import { LIMITS, type CannedReply, type Message } from '@helpdock/protocol';
import type { Files } from '../files.ts';
import type { ClientError, Result } from '../errors.ts';
import { useT } from '../i18n.tsx';
import { newClientId } from '../ids.ts';
import { ErrorText } from './ErrorText.tsx';

export interface ComposerProps {
  conversationId: string;
  send: (conversationId: string, clientId: string, text: string, attachments?: string[]) => Promise<Result<{ message: Message }>>;
  /** Attachments: without them the box offers none. */
  files?: Files | null | undefined;
  /** Tells the visitor the agent is typing; called at most every few seconds, and once when typing stops. */
  onTyping?: (conversationId: string, typing: boolean) => void;
  /** The app's canned replies, offered in a picker that puts one into the box. */
  cannedReplies?: readonly CannedReply[];
  /** Text other panels want added to the reply (a KB article); taken once, then cleared. */
  insert?: ReadonlySignal<string | null> & { value: string | null };
}

const TYPING_EVERY_MS = 2500;

/** Reply box: Enter sends, Shift+Enter starts a new line; a refused reply stays in the box. */
// What the server accepts (it checks the content itself): the picker only offers these.
const ACCEPT = 'image/png,image/jpeg,image/gif,image/webp,.log,.txt,.json';

export function Composer({ conversationId, send, onTyping, cannedReplies = [], insert, files }: ComposerProps) {
  const t = useT();
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  // Added after what the agent already wrote, never replacing it.
  const add = (extra: string) => {
    setText((current) => (current.trim() ? `${current.trimEnd()}\n${extra}` : extra));
    box.current?.focus();
  };
  const pending = insert?.value;
  useEffect(() => {
    if (!insert || !pending) return;
    insert.value = null;
    add(pending);
  }, [pending]);
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

  const picker = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  /** Uploads the file and sends it as a reply of its own; whatever is typed stays in the box. */
  async function attach(file: File) {
    if (!files) return;
    setUploading(file.name);
    setError(null);
    const uploaded = await files.upload(conversationId, file);
    const result = uploaded.ok ? await send(conversationId, newClientId(), '', [uploaded.attachment.id]) : uploaded;
    if (!mounted.current) return;
    setUploading(null);
    if (!result.ok) setError(result.error);
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
      {cannedReplies.length ? (
        <label class="canned">
          {t('canned.label')}{' '}
          <select
            value=""
            onChange={(e) => {
              const reply = cannedReplies.find((r) => r.id === e.currentTarget.value);
              e.currentTarget.value = '';
              if (reply) add(reply.text);
            }}
          >
            <option value="">{t('canned.choose')}</option>
            {cannedReplies.map((r) => (
              <option key={r.id} value={r.id}>
                {r.title}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <textarea
        ref={box}
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
        {files ? (
          <>
            <input
              ref={picker}
              type="file"
              hidden
              tabIndex={-1}
              accept={ACCEPT}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                e.currentTarget.value = '';
                if (file) void attach(file);
              }}
            />
            {uploading ? (
              <span class="muted" role="status">
                {t('composer.uploading', { name: uploading })}
              </span>
            ) : null}
            <button type="button" onClick={() => picker.current?.click()} disabled={uploading !== null}>
              {t('composer.attach')}
            </button>
          </>
        ) : null}
        <button type="submit" class="primary" disabled={busy}>
          {t('composer.send')}
        </button>
      </div>
    </form>
  );
}
