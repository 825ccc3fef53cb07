export {
  ActionOutcomeSchema,
  CategoryLabelSchema,
  CLASSIFICATION_LIMITS,
  INTAKE_FIELDS,
  IntakeAnswerSchema,
} from './classification.ts';
export type { ActionOutcome, IntakeAnswer, IntakeField } from './classification.ts';
export { protocolError } from './errors.ts';
export type { Ack, ErrorCode, ProtocolError } from './errors.ts';
export { NAMESPACES } from './events.ts';
export type {
  AgentAuth,
  AgentClientEvents,
  AgentServerEvents,
  VisitorAuth,
  VisitorClientEvents,
  VisitorServerEvents,
} from './events.ts';
export { HTTP } from './http.ts';
export type { AgentLoginResponse, AttachmentResponse, HealthResponse, IncidentResponse, StatusResponse, VisitorSessionResponse } from './http.ts';
export { LIMITS } from './limits.ts';
export {
  AddNoteSchema,
  AgentStatusSchema,
  CategorySchema,
  ContactSchema,
  TranscriptEmailSchema,
  EscalateTicketSchema,
  LIFECYCLE_LIMITS,
  PRIORITIES,
  PrioritySchema,
  RateTicketSchema,
  ReceiptSchema,
  TeamSchema,
  TIERS,
  TransferTicketSchema,
  TypingSchema,
  UpdateTicketSchema,
} from './lifecycle.ts';
export type {
  AddNote,
  AgentProfile,
  AgentStatus,
  Availability,
  CannedReply,
  Contact,
  InternalNote,
  RateTicket,
  Rating,
  Receipt,
  ReceiptMarks,
  ConversationReceipts,
  TranscriptEmail,
  ReceiptRequest,
  SlaClock,
  TicketEvent,
  TicketEventKind,
  TicketSla,
  Tier,
  TransferTicket,
  Typing,
  TypingRequest,
  UpdateTicket,
} from './lifecycle.ts';
export { isTranscriptCopy, transcriptClientId } from './model.ts';
export type { Agent, AgentRef, Attachment, AttachmentKind, Author, Incident, IncidentSeverity, Message, Priority, Ticket, TicketStatus } from './model.ts';
export {
  AgentLoginRequestSchema,
  AppIdSchema,
  ArticleFeedbackSchema,
  ArticleIdSchema,
  BotQuestionSchema,
  HandoffPlanQuestionSchema,
  CapturedFailureSchema,
  ClientIdSchema,
  ContextSnapshotSchema,
  DiagnosticsReportSchema,
  HandoffRequestSchema,
  IdentitySchema,
  IdSchema,
  IncidentInputSchema,
  LocaleSchema,
  MessageTextSchema,
  ResolveTicketSchema,
  ResourceRefSchema,
  RevokeUserRequestSchema,
  SendMessageSchema,
  SyncRequestSchema,
  TicketRefSchema,
  TranscriptEntrySchema,
  UserIdSchema,
  VisitorSessionRequestSchema,
} from './schemas.ts';
export type {
  AgentLoginRequest,
  ArticleFeedback,
  BotQuestion,
  HandoffPlanQuestion,
  CapturedFailure,
  ContextSnapshot,
  DiagnosticsReport,
  HandoffRequest,
  Identity,
  IncidentInput,
  ResolveTicket,
  ResourceRef,
  RevokeUserRequest,
  SendMessage,
  SyncRequest,
  TicketRef,
  TranscriptEntry,
  VisitorSessionRequest,
} from './schemas.ts';
export { validate } from './validate.ts';
export type { Validated } from './validate.ts';
