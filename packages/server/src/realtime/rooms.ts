export const conversationRoom = (conversationId: string) => `conv:${conversationId}`;
export const agentsRoom = (appId: string) => `agents:${appId}`;
export const agentRoom = (agentId: string) => `agent:${agentId}`;
/** Every socket of one visitor, on every node: what a revocation disconnects. */
export const visitorRoom = (appId: string, visitorId: string) => `visitor:${appId}:${visitorId}`;
