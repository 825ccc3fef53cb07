import {
  AppIdSchema,
  protocolError,
  HandoffRequestSchema,
  ContactSchema,
  NAMESPACES,
  RateTicketSchema,
  ReceiptSchema,
  SendMessageSchema,
  TicketRefSchema,
  TranscriptEmailSchema,
  TypingSchema,
  SyncRequestSchema,
  validate,
  type Ack,
} from '@helpdock/protocol';
import type { Server, Socket } from 'socket.io';
import type { Limits } from '../abuse/limits.ts';
import { verifySession } from '../auth/tokens.ts';
import { rate, reopen, setContact, visitorTickets } from '../chat/lifecycle-ops.ts';
import { emailTranscript } from '../chat/transcript-ops.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Outcome } from '../chat/outcome.ts';
import { visitorOwnsConversation } from '../store/conversations.ts';
import { raiseReceipt } from '../store/lifecycle.ts';
import { currentConversation, handoff, sendVisitorMessage, syncConversation, type VisitorActor } from '../chat/visitor-ops.ts';
import type { Db } from '../db/db.ts';
import type { Logger } from '../log.ts';
import { findApp, originAllowed } from '../store/apps.ts';
import { requestIp } from '../http/ip.ts';
import { sessionStands } from '../store/visitors.ts';
import { refuseAfter, refuseUnknownEvents } from './guards.ts';
import { emptyRequest, handle, refusal } from './handle.ts';
import type { Publish } from './publish.ts';
import { conversationRoom, visitorRoom } from './rooms.ts';

export interface NamespaceDeps {
  db: Db;
  secret: string;
  logger: Logger;
  publish: Publish;
  /** True once the server has started to close. */
  stopping?: () => boolean;
  limits: Limits;
  trustProxy: boolean;
  /** Sends transcripts by e-mail; null when the server has no mail transport. */
  mailer: Mailer | null;
}


/** `/visitor`: the widget's live channel, one signed anonymous visitor per socket. */
export function visitorNamespace(io: Server, deps: NamespaceDeps): void {
  const { db, logger, publish } = deps;
  const nsp = io.of(NAMESPACES.visitor);

  nsp.use(async (socket, next) => {
    try {
      const auth = (socket.handshake.auth ?? {}) as Record<string, unknown>;
      const appId = validate(AppIdSchema, auth['appId']);
      if (!appId.ok) return next(refusal('unauthorized', 'auth.appId is missing or malformed'));
      const app = await findApp(db, appId.value);
      if (!app) return next(refusal('unknown_app', `no app "${appId.value}" on this server`));
      const origin = socket.handshake.headers.origin;
      if (!originAllowed(app, origin)) return next(refusal('origin_not_allowed', `origin ${origin} is not allowed for app "${app.id}"`));
      const session = verifySession(deps.secret, auth['token']);
      // Checked on every (re)connection: a revoked or expired session never comes back.
      if (session?.kind !== 'visitor' || session.appId !== app.id || !(await sessionStands(db, app.id, session.visitorId, session.iat ?? 0))) {
        return next(refusal('unauthorized', 'the visitor session is missing, expired, revoked or for another app'));
      }
      if (app.identityRequired && session.userId === undefined) {
        return next(refusal('unauthorized', `app "${app.id}" only serves verified users`));
      }
      const visitor: VisitorActor = { appId: app.id, visitorId: session.visitorId };
      socket.data['visitor'] = visitor;
      socket.data['expiresAt'] = session.exp;
      next();
    } catch (err) {
      logger.error('visitor handshake failed', err);
      next(refusal('internal', 'internal error'));
    }
  });

  nsp.on('connection', (socket: Socket) => {
    const visitor = socket.data['visitor'] as VisitorActor;
    const ip = requestIp(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], deps.trustProxy);
    refuseAfter(socket, socket.data['expiresAt'] as number);
    refuseUnknownEvents(socket);
    void socket.join(visitorRoom(visitor.appId, visitor.visitorId));
    const owned = new Set<string>();
    // Both buckets must have room; the visitor's is checked first so one noisy tab can't drain its neighbours' address.
    const limited = (what: 'message' | 'handoff' | 'mail') =>
      deps.limits.take(`${what}:visitor`, `${visitor.appId}/${visitor.visitorId}`) ?? deps.limits.take(`${what}:ip`, ip);
    // Commits first, then joins and fans out, then answers the caller.
    const finish = async <T extends object>(outcome: Outcome<T>, conversationId?: string): Promise<Ack<T>> => {
      if (outcome.ack.ok && conversationId) await socket.join(conversationRoom(conversationId));
      publish(outcome.events);
      return outcome.ack;
    };

    handle(socket, 'handoff', logger, (input) => validate(HandoffRequestSchema, input), async (req) => {
      const tooMany = limited('handoff');
      if (tooMany) return protocolError('rate_limited', tooMany);
      const outcome = await handoff(db, visitor, req);
      return finish(outcome, outcome.ack.ok ? outcome.ack.ticket.conversationId : undefined);
    });
    handle(socket, 'message:send', logger, (input) => validate(SendMessageSchema, input), async (req) => {
      const tooMany = limited('message');
      if (tooMany) return protocolError('rate_limited', tooMany);
      const outcome = await sendVisitorMessage(db, visitor, req, owned);
      return finish(outcome, req.conversationId);
    });
    handle(socket, 'sync', logger, (input) => validate(SyncRequestSchema, input), async (req) => {
      return finish(await syncConversation(db, visitor, req), req.conversationId);
    });
    handle(socket, 'current', logger, emptyRequest, async () => {
      const outcome = await currentConversation(db, visitor);
      return finish(outcome, outcome.ack.ok ? outcome.ack.ticket?.conversationId : undefined);
    });
    handle(socket, 'tickets:list', logger, emptyRequest, async () => finish(await visitorTickets(db, visitor)));
    handle(socket, 'ticket:rate', logger, (input) => validate(RateTicketSchema, input), async (req) => finish(await rate(db, visitor, req)));
    handle(socket, 'ticket:reopen', logger, (input) => validate(TicketRefSchema, input), async ({ ticketId }) => {
      const outcome = await reopen(db, visitor, ticketId);
      return finish(outcome, outcome.ack.ok ? outcome.ack.ticket.conversationId : undefined);
    });
    handle(socket, 'transcript:email', logger, (input) => validate(TranscriptEmailSchema, input), async (req) => {
      const tooMany = limited('mail');
      if (tooMany) return protocolError('rate_limited', tooMany);
      return finish(await emailTranscript(db, deps.mailer, logger, visitor, req));
    });
    handle(socket, 'contact:set', logger, (input) => validate(ContactSchema, input), async (req) => finish(await setContact(db, visitor, req)));

    const owns = (conversationId: string) => visitorOwnsConversation(db, visitor.appId, visitor.visitorId, conversationId);
    const notYours = { ok: false as const, error: { code: 'not_found' as const, message: 'no such conversation' } };
    handle(socket, 'typing', logger, (input) => validate(TypingSchema, input), async (req) => {
      if (!(await owns(req.conversationId))) return notYours;
      io.of(NAMESPACES.agent).to(conversationRoom(req.conversationId)).emit('typing', { conversationId: req.conversationId, who: 'visitor', typing: req.typing });
      return { ok: true };
    });
    handle(socket, 'receipt', logger, (input) => validate(ReceiptSchema, input), async (req) => {
      if (!(await owns(req.conversationId))) return notYours;
      const seq = await raiseReceipt(db, visitor.appId, req.conversationId, 'visitor', req.kind, req.seq);
      const receipt = { conversationId: req.conversationId, reader: 'visitor' as const, kind: req.kind, seq };
      io.of(NAMESPACES.agent).to(conversationRoom(req.conversationId)).emit('receipt', receipt);
      // The visitor's other tabs: a message read in one is read in all.
      socket.to(conversationRoom(req.conversationId)).emit('receipt', receipt);
      return { ok: true };
    });
  });
}
