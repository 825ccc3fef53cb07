import type { ClientError } from '../errors.ts';
import { errorPhrase } from '../format.ts';
import { useT } from '../i18n.tsx';

/** An error worded by its code, with the server's detail when it helps; announced when it appears. */
export function ErrorText(props: { error: ClientError | null; id?: string }) {
  const t = useT();
  if (!props.error) return null;
  const { key, detail } = errorPhrase(props.error);
  return (
    <p class="error" role="alert" id={props.id}>
      {t(key)}
      {detail ? <span class="error-detail"> — {detail}</span> : null}
    </p>
  );
}
