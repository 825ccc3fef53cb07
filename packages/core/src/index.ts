export { createHelpdockCore } from './create-core.ts';
export type { HelpdockCore, HelpdockCoreOptions, ReadonlyCoreStore } from './create-core.ts';
export { mergeMessages, selectTimeline } from './messages.ts';
export type {
  AgentChannel,
  AgentConnector,
  BotProvider,
  BotReply,
  ChannelError,
  ChannelResult,
  Clock,
  ConnectionStatus,
  ContextSource,
  HelpProvider,
  Ports,
  Storage,
} from './ports.ts';
export type { ChatMessage, ConversationPhase, CoreError, CoreState, I18nText, OutboxItem, View } from './state.ts';
