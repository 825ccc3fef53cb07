import type { Ticket } from '@helpdock/protocol';
import type { AgentLink } from './agent-link.ts';
import type { CoreContext } from './context.ts';
import { fromServer } from './messages.ts';
import type { AgentChannel, ChannelResult, TranscriptEmailResult } from './ports.ts';

/*
 * What only a ticket's later life needs, loaded on first use (the open chat
 * never carries it): the ticket list, past tickets, the actions on a ticket
 * (rate, reopen, leave an e-mail) and the e-mailed transcript, all through
 * the agent link's channel.
 */

/** What these need of the agent link: its channel, its ticket, and its attempt counters, which each call below and the link's close() bump. */
type Link = Pick<AgentLink, 'connect' | 'belongs' | 'applyTicket' | 'catchUp' | 'attempts'>;

/**
 * A ticket action (rate, reopen, leave an e-mail): needs the channel even for a
 * resolved ticket, applies the returned ticket, and reports a failure as state.
 */
export async function ticketAction(
  ctx: CoreContext,
  link: Link,
  run: (ch: AgentChannel, ticketId: string) => Promise<ChannelResult<{ ticket: Ticket }>> | undefined,
): Promise<void> {
  const { store } = ctx;
  const ticket = store.getState().ticket;
  if (!ticket) return;
  let ch: AgentChannel;
  try {
    ch = await link.connect();
  } catch {
    store.setState({ error: { kind: 'ticket_action_failed', reason: 'network' } });
    return;
  }
  const res = await run(ch, ticket.id);
  if (!res || ctx.isDestroyed() || !link.belongs(ticket.conversationId)) return;
  if (!res.ok) {
    store.setState({ error: { kind: 'ticket_action_failed', reason: res.error.code } });
    return;
  }
  link.applyTicket(res.ticket);
  if (res.ticket.status !== 'resolved' && res.ticket.status !== 'closed') void link.catchUp();
}

/** Fetches this visitor's tickets (the list view); a failure is state. */
export async function listTickets(ctx: CoreContext, link: Link): Promise<void> {
  const { store } = ctx;
  const { attempts } = link;
  const mine = ++attempts.list;
  let ch: AgentChannel;
  try {
    ch = await link.connect();
  } catch {
    if (mine === attempts.list) store.setState({ error: { kind: 'tickets_failed', reason: 'network' } });
    return;
  }
  const res = await ch.listTickets?.();
  if (!res || mine !== attempts.list || ctx.isDestroyed()) return;
  if (res.ok) store.setState({ tickets: res.tickets });
  else store.setState({ error: { kind: 'tickets_failed', reason: res.error.code } });
}

/** Opens a ticket read-only with its whole conversation; resolves false when it is not this visitor's. */
export async function showPast(ctx: CoreContext, link: Link, ticketId: string): Promise<boolean> {
  const { store } = ctx;
  const { attempts } = link;
  const mine = ++attempts.past;
  let ch: AgentChannel;
  try {
    ch = await link.connect();
  } catch {
    if (mine === attempts.past) store.setState({ error: { kind: 'tickets_failed', reason: 'network' } });
    return false;
  }
  let tickets = store.getState().tickets;
  if (!tickets?.some((t) => t.id === ticketId)) {
    const list = await ch.listTickets?.();
    if (!list || mine !== attempts.past || ctx.isDestroyed()) return false;
    if (!list.ok) {
      store.setState({ error: { kind: 'tickets_failed', reason: list.error.code } });
      return false;
    }
    tickets = list.tickets;
    store.setState({ tickets });
  }
  const ticket = tickets.find((t) => t.id === ticketId);
  if (!ticket) return false;
  const res = await ch.sync({ conversationId: ticket.conversationId, afterSeq: 0 });
  if (mine !== attempts.past || ctx.isDestroyed()) return false;
  if (!res.ok) {
    store.setState({ error: { kind: 'tickets_failed', reason: res.error.code } });
    return false;
  }
  store.setState({ pastTicket: { ticket: res.ticket, messages: res.messages.map(fromServer) }, view: 'chat', article: null });
  return true;
}

/** E-mails a ticket's transcript (the server's copy) to the visitor; the outcome is the caller's to show. */
export async function emailTranscript(link: Link, ticketId: string, email: string): Promise<TranscriptEmailResult> {
  let ch: AgentChannel;
  try {
    ch = await link.connect();
  } catch {
    return { ok: false, reason: 'network' };
  }
  if (!ch.emailTranscript) return { ok: false, reason: 'unavailable' };
  const res = await ch.emailTranscript({ ticketId, email });
  return res.ok ? { ok: true, sentTo: res.sentTo } : { ok: false, reason: res.error.code };
}
