export { createHelpdockCore } from './create-core.ts';
export type { HelpdockCore, HelpdockCoreOptions, ReadonlyCoreStore } from './create-core.ts';
export { mergeMessages, selectTimeline } from './messages.ts';
export { ACTION_TIMEOUT_MS } from './actions.ts';
export { UNHELPFUL_LIMIT } from './bot-turn.ts';
export type { HandoffDetails } from './intake-flow.ts';
export type {
  ActionHandler,
  AgentChannel,
  AgentConnector,
  BotProvider,
  BotReply,
  BotTurn,
  ChannelError,
  ChannelResult,
  Clock,
  ConnectionStatus,
  ContextSource,
  DiagnosticsFn,
  FilePort,
  ConversationSummary,
  HandoffPlan,
  HelpProvider,
  IntakeQuestion,
  OfferedAction,
  PickedFile,
  Ports,
  QuickReply,
  BotPick,
  TranscriptEmailResult,
  StatusProvider,
  Storage,
} from './ports.ts';
export { incidentsFor, isStatusQuestion } from './status.ts';
export { receiptOf, selectUnread } from './unread.ts';
export type { Receipt } from './unread.ts';
export type { ActionStatus, ChatMessage, ConversationPhase, CoreError, CoreState, DiagnosticsState, I18nText, IntakeState, Nudge, OutboxItem, PastTicket, View } from './state.ts';
