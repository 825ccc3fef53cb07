import { describe, expect, it } from 'vitest';
import { applyTicket, queueFrom } from '../src/queue.ts';
import { ticket } from './fixtures.ts';

const at = (minute: number) => `2030-01-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const numbers = (list: { number: number }[]) => list.map((t) => t.number);

describe('queue order', () => {
  it('lists waiting tickets first, longest waiting on top, then the ones in progress', () => {
    const newQueued = ticket({ number: 1, createdAt: at(30) });
    const oldQueued = ticket({ number: 2, createdAt: at(5) });
    const oldWorked = ticket({ number: 3, status: 'in_progress', createdAt: at(1) });
    const newWorked = ticket({ number: 4, status: 'in_progress', createdAt: at(40) });
    expect(numbers(queueFrom([newWorked, newQueued, oldWorked, oldQueued]))).toEqual([2, 1, 3, 4]);
  });

  it('leaves resolved and closed tickets out of the queue', () => {
    const list = [ticket({ number: 1 }), ticket({ number: 2, status: 'resolved' }), ticket({ number: 3, status: 'closed' })];
    expect(numbers(queueFrom(list))).toEqual([1]);
  });
});

describe('live ticket updates', () => {
  it('adds a new ticket in its place', () => {
    const queue = queueFrom([ticket({ number: 1, createdAt: at(1) }), ticket({ number: 3, createdAt: at(10), status: 'in_progress' })]);
    const next = applyTicket(queue, ticket({ number: 2, createdAt: at(5) }));
    expect(numbers(next)).toEqual([1, 2, 3]);
  });

  it('replaces a ticket by id, moving it down once someone claims it', () => {
    const first = ticket({ number: 1, createdAt: at(1) });
    const second = ticket({ number: 2, createdAt: at(2) });
    const claimed = { ...first, status: 'in_progress' as const, assignee: { id: 'a1', name: 'Ana Silva' }, updatedAt: at(20) };
    const next = applyTicket(queueFrom([first, second]), claimed);
    expect(numbers(next)).toEqual([2, 1]);
    expect(next[1]?.assignee?.name).toBe('Ana Silva');
    expect(next).toHaveLength(2);
  });

  it('drops a ticket from the queue when it is resolved', () => {
    const first = ticket({ number: 1 });
    const next = applyTicket([first], { ...first, status: 'resolved', updatedAt: at(30) });
    expect(next).toEqual([]);
  });

  it('ignores an update older than the one already shown', () => {
    const fresh = ticket({ number: 1, status: 'in_progress', updatedAt: at(20) });
    const stale = { ...fresh, status: 'queued' as const, updatedAt: at(10) };
    expect(applyTicket([fresh], stale)[0]?.status).toBe('in_progress');
  });

  it('does not change the list it was given', () => {
    const queue = [ticket({ number: 1 })];
    applyTicket(queue, ticket({ number: 2 }));
    expect(queue).toHaveLength(1);
  });
});
