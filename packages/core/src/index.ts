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
  DiagnosticsFn,
  HelpProvider,
  Ports,
  StatusProvider,
  Storage,
} from './ports.ts';
export { incidentsFor, isStatusQuestion } from './status.ts';
export { receiptOf, selectUnread } from './unread.ts';
export type { Receipt } from './unread.ts';
export type { ChatMessage, ConversationPhase, CoreError, CoreState, DiagnosticsState, I18nText, Nudge, OutboxItem, PastTicket, View } from './state.ts';
