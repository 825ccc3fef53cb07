import type { Ack } from './errors.ts';
import type { Agent, Message, Ticket } from './model.ts';
import type { AddNote, AgentProfile, AgentStatus, CannedReply, Contact, ConversationReceipts, TranscriptEmail, InternalNote, RateTicket, Receipt, ReceiptRequest, TransferTicket, Typing, TypingRequest, UpdateTicket } from './lifecycle.ts';
import type { HandoffRequest, ResolveTicket, SendMessage, SyncRequest, TicketRef } from './schemas.ts';

/** socket.io namespaces. */
export const NAMESPACES = { visitor: '/visitor', agent: '/agent' } as const;

/** Handshake `auth` of the visitor namespace. */
export interface VisitorAuth {
  appId: string;
  token: string;
}

/** Handshake `auth` of the agent namespace. */
export interface AgentAuth {
  token: string;
}

type Reply<T> = (ack: Ack<T>) => void;

export interface VisitorClientEvents {
  /** Create the ticket; idempotent per clientId. Joins the conversation's room. */
  handoff: (req: HandoffRequest, reply: Reply<{ ticket: Ticket; messages: Message[] }>) => void;
  'message:send': (req: SendMessage, reply: Reply<{ message: Message }>) => void;
  /** Everything after `afterSeq`, plus the ticket; joins the conversation's room. */
  sync: (req: SyncRequest, reply: Reply<{ ticket: Ticket; messages: Message[]; receipts: ConversationReceipts }>) => void;
  /** The visitor's current open conversation, if any (resume after reload on another device state). */
  current: (req: Record<string, never>, reply: Reply<{ ticket: Ticket | null; messages: Message[]; receipts?: ConversationReceipts }>) => void;
  /** Every ticket of this visitor, newest first (past ones stay readable through `sync`). */
  'tickets:list': (req: Record<string, never>, reply: Reply<{ tickets: Ticket[] }>) => void;
  'ticket:rate': (req: RateTicket, reply: Reply<{ ticket: Ticket }>) => void;
  /** Reopens a resolved ticket within the app's reopen window. */
  'ticket:reopen': (req: TicketRef, reply: Reply<{ ticket: Ticket }>) => void;
  /** An e-mail address the agent can answer at (when nobody is online). */
  'contact:set': (req: Contact, reply: Reply<{ ticket: Ticket }>) => void;
  typing: (req: TypingRequest, reply: Reply<object>) => void;
  receipt: (req: ReceiptRequest, reply: Reply<object>) => void;
  /**
   * E-mails the ticket's transcript (the server's copy) to `email`. `unavailable` when the
   * server has no mail transport (the session's `features.transcriptEmail` says so beforehand).
   */
  'transcript:email': (req: TranscriptEmail, reply: Reply<{ sentTo: string }>) => void;
}

export interface VisitorServerEvents {
  message: (message: Message) => void;
  ticket: (ticket: Ticket) => void;
  typing: (typing: Typing) => void;
  receipt: (receipt: Receipt) => void;
}

export interface AgentClientEvents {
  /** Open tickets of the agent's app: queued ones and those assigned to anyone. */
  'queue:list': (req: Record<string, never>, reply: Reply<{ tickets: Ticket[] }>) => void;
  /** Ticket and its conversation; joins the conversation's room. */
  'ticket:open': (req: TicketRef, reply: Reply<{ ticket: Ticket; messages: Message[]; receipts: ConversationReceipts }>) => void;
  'ticket:claim': (req: TicketRef, reply: Reply<{ ticket: Ticket }>) => void;
  'ticket:resolve': (req: ResolveTicket, reply: Reply<{ ticket: Ticket }>) => void;
  'message:send': (req: SendMessage, reply: Reply<{ message: Message }>) => void;
  /** The caller's profile, its colleagues, and the app's canned replies. */
  'agent:bootstrap': (req: Record<string, never>, reply: Reply<{ me: AgentProfile; agents: AgentProfile[]; cannedReplies: CannedReply[]; teams: string[] }>) => void;
  /** Online takes new tickets (the queue drains to the agent at once); away takes none. */
  'agent:status': (req: { status: Exclude<AgentStatus, 'offline'> }, reply: Reply<{ me: AgentProfile }>) => void;
  'ticket:update': (req: UpdateTicket, reply: Reply<{ ticket: Ticket }>) => void;
  /** One tier up; the ticket goes back to the queue for that tier unless the assignee already has it. */
  'ticket:escalate': (req: TicketRef, reply: Reply<{ ticket: Ticket }>) => void;
  'ticket:transfer': (req: TransferTicket, reply: Reply<{ ticket: Ticket }>) => void;
  /** Internal notes: agents only, never sent to the visitor. */
  'note:add': (req: AddNote, reply: Reply<{ note: InternalNote }>) => void;
  'notes:list': (req: TicketRef, reply: Reply<{ notes: InternalNote[] }>) => void;
  typing: (req: TypingRequest, reply: Reply<object>) => void;
  receipt: (req: ReceiptRequest, reply: Reply<object>) => void;
}

export interface AgentServerEvents {
  ticket: (ticket: Ticket) => void;
  message: (message: Message) => void;
  hello: (agent: Agent) => void;
  note: (note: InternalNote) => void;
  agent: (agent: AgentProfile) => void;
  typing: (typing: Typing) => void;
  receipt: (receipt: Receipt) => void;
}
