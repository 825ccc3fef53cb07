import type { ConnectionStatus } from '../connection.ts';
import { useT } from '../i18n.tsx';

export function ConnectionBadge(props: { status: ConnectionStatus }) {
  const t = useT();
  return (
    <p class={`conn conn--${props.status}`} role="status">
      <span class="conn-dot" aria-hidden="true" />
      {t(`connection.${props.status}`)}
    </p>
  );
}
