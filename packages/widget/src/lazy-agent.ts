// Loaded on handoff, or at boot when a ticket is open: socket.io-client stays out of the launcher's path.
import { socketAgentChannel } from '@helpdock/adapters';
import type { AgentChannel, Storage } from '@helpdock/core';
import type { IdentityInput } from './config.ts';

export function createAgentChannel(options: { serverUrl: string; appId: string; storage: Storage; identity: () => IdentityInput | null }): AgentChannel {
  return socketAgentChannel(options);
}
