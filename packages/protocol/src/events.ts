import type { Ack } from './errors.ts';
import type { Agent, Message, Ticket } from './model.ts';
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
  sync: (req: SyncRequest, reply: Reply<{ ticket: Ticket; messages: Message[] }>) => void;
  /** The visitor's current open conversation, if any (resume after reload on another device state). */
  current: (req: Record<string, never>, reply: Reply<{ ticket: Ticket | null; messages: Message[] }>) => void;
}

export interface VisitorServerEvents {
  message: (message: Message) => void;
  ticket: (ticket: Ticket) => void;
}

export interface AgentClientEvents {
  /** Open tickets of the agent's app: queued ones and those assigned to anyone. */
  'queue:list': (req: Record<string, never>, reply: Reply<{ tickets: Ticket[] }>) => void;
  /** Ticket and its conversation; joins the conversation's room. */
  'ticket:open': (req: TicketRef, reply: Reply<{ ticket: Ticket; messages: Message[] }>) => void;
  'ticket:claim': (req: TicketRef, reply: Reply<{ ticket: Ticket }>) => void;
  'ticket:resolve': (req: ResolveTicket, reply: Reply<{ ticket: Ticket }>) => void;
  'message:send': (req: SendMessage, reply: Reply<{ message: Message }>) => void;
}

export interface AgentServerEvents {
  ticket: (ticket: Ticket) => void;
  message: (message: Message) => void;
  hello: (agent: Agent) => void;
}
