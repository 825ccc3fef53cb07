// Loaded only by pages that set `botUrl`: the HTTP bot's client stays out of everyone else's chat.
export { remoteBotProvider } from '@helpdock/adapters';
