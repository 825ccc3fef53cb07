import type { Ack, AgentProfile, InternalNote, Message, Ticket } from '@helpdock/protocol';

/** Something every interested socket must hear about after a change is committed. */
export type ChatEvent =
  | { kind: 'message'; message: Message }
  | { kind: 'ticket'; ticket: Ticket }
  /** Agents of the app only: never reaches a visitor. */
  | { kind: 'note'; appId: string; note: InternalNote }
  | { kind: 'agent'; appId: string; agent: AgentProfile };

/** What an operation answers its caller, and what it tells everyone else. */
export interface Outcome<T> {
  ack: Ack<T>;
  events: ChatEvent[];
}

export const reply = <T extends object>(value: T, events: ChatEvent[] = []): Outcome<T> => ({ ack: { ok: true, ...value }, events });

export const refuse = <T>(ack: Extract<Ack<T>, { ok: false }>): Outcome<T> => ({ ack, events: [] });

/** Tickets in these states take no more messages or claims. */
export const isClosed = (ticket: Ticket): boolean => ticket.status === 'resolved' || ticket.status === 'closed';

/**
 * A resent message (its sender never got the acknowledgement) is broadcast
 * again: the node that stored it may have died before its fan-out, and this
 * resend is the only chance to repair that. Clients merge by id, so anyone who
 * already has it still shows it once.
 */
export const redelivered = (message: Message): ChatEvent[] => [{ kind: 'message', message }];
