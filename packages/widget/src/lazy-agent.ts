// Loaded on handoff, or at boot when a ticket is open: socket.io-client stays out of the launcher's path.
import { socketAgentChannel } from '@helpdock/adapters';
import type { AgentChannel, Storage } from '@helpdock/core';

export function createAgentChannel(options: { serverUrl: string; appId: string; storage: Storage }): AgentChannel {
  return socketAgentChannel(options);
}
