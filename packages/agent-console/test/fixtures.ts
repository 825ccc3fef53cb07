import type { Message, Ticket } from '@helpdock/protocol';

let n = 0;

export function ticket(overrides: Partial<Ticket> = {}): Ticket {
  n += 1;
  return {
    id: `t${n}`,
    number: n,
    appId: 'demo',
    conversationId: `c${n}`,
    status: 'queued',
    priority: 'P2',
    subject: `Subject ${n}`,
    assignee: null,
    resolution: null,
    context: { url: 'https://console.example.com/vms/i-123', title: 'VM i-123', locale: 'en' },
    transcript: [],
    createdAt: '2030-01-01T10:00:00.000Z',
    updatedAt: '2030-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function message(seq: number, overrides: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    clientId: `client-${seq}`,
    author: 'visitor',
    text: `message ${seq}`,
    createdAt: '2030-01-01T10:00:00.000Z',
    ...overrides,
  };
}
