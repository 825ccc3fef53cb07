export const conversationRoom = (conversationId: string) => `conv:${conversationId}`;
export const agentsRoom = (appId: string) => `agents:${appId}`;
export const agentRoom = (agentId: string) => `agent:${agentId}`;
