import type { ConsoleApp } from '../console.ts';
import { LoginView } from './LoginView.tsx';
import { Workspace } from './Workspace.tsx';

export function App({ app }: { app: ConsoleApp }) {
  const connection = app.connection.value;
  return connection ? <Workspace connection={connection} onSignOut={app.signOut} server={app.server} /> : <LoginView signIn={app.signIn} notice={app.notice.value} />;
}
