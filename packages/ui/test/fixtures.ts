import { createHelpdockCore, type AgentChannel, type BotProvider, type ConnectionStatus, type HelpdockCore } from '@helpdock/core';
import { memoryStorage } from '@helpdock/adapters';
import { createI18n, type I18n } from '@helpdock/i18n';
import type { Attachment, ErrorCode, HandoffRequest, Message, Ticket } from '@helpdock/protocol';

export const restartArticle = {
  id: 'restart-instance',
  locale: 'en',
  title: 'Restart an instance',
  tags: ['restart'],
  products: ['ecs'],
  body: 'Open the **instance** page.\n\nChoose Restart. <img src=x onerror="alert(1)">',
};

/** The agent side, in memory: enough to show a ticket and agent messages. */
export function fakeAgents() {
  let ticket: Ticket | null = null;
  let fail: ErrorCode | 'timeout' | null = null;
  const handoffs: HandoffRequest[] = [];
  const messageListeners = new Set<(m: Message) => void>();
  const ticketListeners = new Set<(t: Ticket) => void>();
  let seq = 1;
  const uploads = new Map<string, Attachment>();
  const channel: AgentChannel = {
    async handoff(req) {
      if (fail) return { ok: false, error: { code: fail, message: 'refused' } };
      const now = new Date().toISOString();
      handoffs.push(req);
      ticket = {
        id: 't1', number: 7, appId: 'demo', conversationId: 'c1', status: 'queued', priority: 'P2', subject: 'Help',
        assignee: null, resolution: null, context: req.context, transcript: req.transcript, createdAt: now, updatedAt: now,
      };
      return { ok: true, ticket, messages: [] };
    },
    async send(req) {
      const attachments = req.attachments?.map((id) => uploads.get(id)).filter((a): a is Attachment => a !== undefined);
      return {
        ok: true,
        message: { id: `m-${req.clientId}`, conversationId: 'c1', seq: 1, clientId: req.clientId, author: 'visitor', text: req.text, createdAt: new Date().toISOString(), ...(attachments ? { attachments } : {}) },
      };
    },
    // Like the server: SVG is refused, images are kept.
    files: async () => ({
      async upload(_conversationId, file) {
        if (file.name.endsWith('.svg')) return { ok: false, error: { code: 'unsupported_type', message: 'only images and logs' } };
        const attachment: Attachment = { id: `att_${uploads.size + 1}`, name: file.name, type: 'image/png', kind: 'image', size: file.size };
        uploads.set(attachment.id, attachment);
        return { ok: true, attachment };
      },
      url: async (id) => ({ ok: true, url: `blob:ui/${id}` }),
    }),
    async sync() {
      return ticket ? { ok: true, ticket, messages: [] } : { ok: false, error: { code: 'not_found', message: 'none' } };
    },
    onMessage: (l) => (messageListeners.add(l), () => void messageListeners.delete(l)),
    onTicket: (l) => (ticketListeners.add(l), () => void ticketListeners.delete(l)),
    onStatus: (l: (s: ConnectionStatus) => void) => (l('online'), () => undefined),
    close: () => undefined,
  };
  return {
    channel,
    handoffs,
    failHandoffs: (code: ErrorCode | 'timeout' = 'timeout') => void (fail = code),
    /** An agent replies: the next seq, live on the channel. */
    agentSays(text: string, name = 'Ana Silva') {
      if (!ticket) throw new Error('no ticket');
      seq++;
      const m: Message = { id: `a${seq}`, conversationId: 'c1', seq, clientId: `agent-${seq}`, author: 'agent', authorName: name, text, createdAt: '2025-01-01T10:00:00.000Z' };
      for (const l of messageListeners) l(m);
    },
    claim(name: string) {
      if (!ticket) throw new Error('no ticket');
      ticket = { ...ticket, status: 'in_progress', assignee: { id: 'a1', name } };
      for (const l of ticketListeners) l(ticket);
    },
  };
}

export const bot: BotProvider = {
  async reply(text) {
    return /restart/i.test(text) ? { kind: 'answer', text: 'Open the instance page.', article: restartArticle } : { kind: 'unknown' };
  },
};

export async function setup(withBot: BotProvider = bot): Promise<{ core: HelpdockCore; i18n: I18n; agents: ReturnType<typeof fakeAgents> }> {
  const agents = fakeAgents();
  let n = 0;
  const core = createHelpdockCore({
    appId: 'demo',
    storage: memoryStorage(),
    clock: { now: () => Date.now(), schedule: () => () => undefined },
    newId: () => `id-${++n}`,
    ports: {
      context: { snapshot: () => ({ url: 'https://console.example.com/' }), subscribe: () => () => undefined },
      bot: withBot,
      agent: () => agents.channel,
    },
  });
  const i18n = await createI18n({ ns: 'widget', locale: 'en' });
  return { core, i18n, agents };
}
