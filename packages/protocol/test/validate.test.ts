import { describe, expect, it } from 'vitest';
import { HandoffRequestSchema, LIMITS, SendMessageSchema, validate } from '../src/index.ts';

describe('validate', () => {
  it('accepts a well-formed message and trims its text', () => {
    const r = validate(SendMessageSchema, { conversationId: 'c1', clientId: 'k-1', text: '  hello  ' });
    expect(r).toEqual({ ok: true, value: { conversationId: 'c1', clientId: 'k-1', text: 'hello' } });
  });

  it('refuses a message over the size limit, naming the field', () => {
    const r = validate(SendMessageSchema, { conversationId: 'c1', clientId: 'k', text: 'x'.repeat(LIMITS.messageText + 1) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_event');
    expect(r.error.message).toMatch(/^text: must be at most 4000 characters/);
  });

  it('refuses blank text and ids with unsafe characters', () => {
    const blank = validate(SendMessageSchema, { conversationId: 'c1', clientId: 'k', text: '   ' });
    expect(blank.ok).toBe(false);
    const badId = validate(SendMessageSchema, { conversationId: '../etc', clientId: 'k', text: 'hi' });
    expect(badId.ok).toBe(false);
    if (!badId.ok) expect(badId.error.issues?.[0]?.path).toBe('conversationId');
  });

  it('refuses anything that is not an object without throwing', () => {
    for (const junk of [null, undefined, 42, 'str', [], { __proto__: { text: 'x' } }]) {
      expect(validate(SendMessageSchema, junk).ok).toBe(false);
    }
  });

  it('reports nested transcript errors with their path', () => {
    const r = validate(HandoffRequestSchema, {
      clientId: 'h1',
      transcript: [{ author: 'agent', text: 'x', at: new Date().toISOString() }],
      context: { url: 'https://console.example.com/' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues?.[0]?.path).toBe('transcript.0.author');
  });
});
