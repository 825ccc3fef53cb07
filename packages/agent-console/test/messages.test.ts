import { describe, expect, it } from 'vitest';
import { mergeMessages } from '../src/messages.ts';
import { message } from './fixtures.ts';

const seqs = (list: { seq: number }[]) => list.map((m) => m.seq);

describe('conversation messages', () => {
  it('shows each message once when the same one arrives twice (ack and broadcast)', () => {
    const merged = mergeMessages([message(1), message(2)], [message(2), message(3), message(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3]);
  });

  it('keeps server order whatever order messages arrive in', () => {
    const merged = mergeMessages([message(4)], [message(2), message(5), message(1), message(3)]);
    expect(seqs(merged)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows the latest copy of a message', () => {
    const merged = mergeMessages([message(1, { text: 'old' })], [message(1, { text: 'new' })]);
    expect(merged.map((m) => m.text)).toEqual(['new']);
  });

  it('does not change the list it was given', () => {
    const existing = [message(2)];
    mergeMessages(existing, [message(1)]);
    expect(seqs(existing)).toEqual([2]);
  });
});
