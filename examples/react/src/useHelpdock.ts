import { createHelpdock, type Helpdock } from '@helpdock/widget';
import { useEffect, useState } from 'react';

export interface SignedInUser {
  id: string;
  name: string;
  /** Computed by the app's backend with the Helpdock app's identity secret (docs/identity.md). */
  helpdockToken: string;
}

const serverUrl = document.querySelector<HTMLMetaElement>('meta[name="helpdock-server"]')?.content ?? 'http://127.0.0.1:8787';

/**
 * The widget for the signed-in user, or `null` while nobody is signed in.
 *
 * - Created in an effect, never during render: rendering must stay pure.
 * - Identified right after it is created, with the token from the login
 *   response, before the widget has loaded: it starts as that user, and a
 *   change of user creates a new instance for the new user.
 * - The cleanup calls `destroy()`, which removes every node, listener and
 *   socket but keeps the conversation. React StrictMode mounts, unmounts and
 *   mounts again in development: the first instance is gone before the second
 *   shows, and the user's conversation is not thrown away on the way.
 * - Signing out is not an unmount: call `shutdown()` (see `App.tsx`), which
 *   also forgets the conversation on this device.
 */
export function useHelpdock(user: SignedInUser | null): Helpdock | null {
  const [helpdock, setHelpdock] = useState<Helpdock | null>(null);
  const userId = user?.id;
  const token = user?.helpdockToken;
  useEffect(() => {
    if (!userId || !token) return;
    const instance = createHelpdock({ appId: 'demo', serverUrl });
    instance.identify({ id: userId }, { token });
    setHelpdock(instance);
    return () => {
      instance.destroy();
      setHelpdock((current) => (current === instance ? null : current));
    };
  }, [userId, token]);
  return helpdock;
}
