import { protocolError, type TranscriptEmail } from '@helpdock/protocol';
import type { Db } from '../db/db.ts';
import type { Logger } from '../log.ts';
import type { Mailer } from '../mail/mailer.ts';
import { transcriptMail } from '../mail/transcript-mail.ts';
import { listMessages } from '../store/messages.ts';
import { visitorTicket } from './lifecycle-ops.ts';
import { refuse, reply, type Outcome } from './outcome.ts';
import type { VisitorActor } from './visitor-ops.ts';

/**
 * `transcript:email`: the visitor's own ticket, as stored, to the address they
 * typed. Only the conversation's own visitor may ask; the mail says nothing the
 * visitor could not already read in the widget.
 */
export async function emailTranscript(db: Db, mailer: Mailer | null, logger: Logger, visitor: VisitorActor, req: TranscriptEmail): Promise<Outcome<{ sentTo: string }>> {
  if (!mailer) return refuse(protocolError('unavailable', 'this server does not send e-mail; download the transcript instead'));
  const ticket = await visitorTicket(db, visitor, req.ticketId);
  if (!ticket) return refuse(protocolError('not_found', 'no such ticket'));
  const mail = await transcriptMail(req.email, ticket, await listMessages(db, visitor.appId, ticket.conversationId), new Date());
  try {
    await mailer.send(mail);
  } catch (err) {
    // The address is the visitor's own business: it stays out of the log.
    const reason = (err instanceof Error ? err.message : String(err)).replace(/[^\s<>"]+@[^\s<>"]+/g, '<address>');
    logger.warn(`transcript of ticket ${ticket.id} not sent: ${reason}`);
    return refuse(protocolError('unavailable', 'the mail server did not take the message; try again later or download the transcript'));
  }
  return reply({ sentTo: req.email });
}
