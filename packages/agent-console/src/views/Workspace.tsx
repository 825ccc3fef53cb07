import { ConnectionBadge } from '../components/ConnectionBadge.tsx';
import { PresenceSwitch } from '../components/PresenceSwitch.tsx';
import { QueueList } from '../components/QueueList.tsx';
import { TopBar } from '../components/TopBar.tsx';
import type { Connection } from '../connection.ts';
import { useT } from '../i18n.tsx';
import { TicketView } from './TicketView.tsx';

export interface WorkspaceProps {
  connection: Connection;
  /** The server's origin (KB suggestions). */
  server?: string;
  onSignOut: () => void;
}

/** Signed in: the queue on the left, the open ticket beside it. */
export function Workspace({ connection, onSignOut, server }: WorkspaceProps) {
  const t = useT();
  const current = connection.current.value;
  const me = connection.me.value;
  return (
    <div class="shell">
      <TopBar>
        <ConnectionBadge status={connection.status.value} />
        <PresenceSwitch profile={connection.profile.value} setStatus={connection.setStatus} />
        <p class="me">{me.name}</p>
        <button type="button" class="link" onClick={onSignOut}>
          {t('app.signOut')}
        </button>
      </TopBar>
      <div class="workspace">
        <QueueList
          tickets={connection.queue.value}
          loaded={connection.queueLoaded.value}
          error={connection.queueError.value}
          selectedId={current?.ticketId ?? null}
          onOpen={connection.open}
        />
        <main class="main" id="main">
          {current ? (
            <TicketView open={current} me={me} actions={connection} teams={connection.teams.value} cannedReplies={connection.cannedReplies.value} server={server} />
          ) : (
            <div class="placeholder">
              <h1 class="placeholder-title">{t('ticket.noneTitle')}</h1>
              <p class="empty">{t('ticket.none')}</p>
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
