import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../src/auth/passwords.ts';
import { signSession, verifySession } from '../src/auth/tokens.ts';

const future = Math.floor(Date.now() / 1000) + 60;

describe('session tokens', () => {
  it('round-trips a visitor and an agent session', () => {
    const visitor = { kind: 'visitor', appId: 'acme', visitorId: 'vi_1', exp: future } as const;
    const agent = { kind: 'agent', appId: 'acme', agentId: 'ag_1', exp: future } as const;
    expect(verifySession('s3cret', signSession('s3cret', visitor))).toEqual(visitor);
    expect(verifySession('s3cret', signSession('s3cret', agent))).toEqual(agent);
  });

  it('refuses a token signed with another secret, tampered with, expired or malformed', () => {
    const token = signSession('s3cret', { kind: 'visitor', appId: 'acme', visitorId: 'vi_1', exp: future });
    expect(verifySession('other', token)).toBeNull();
    const [v, , sig] = token.split('.');
    const swapped = Buffer.from(JSON.stringify({ kind: 'visitor', appId: 'globex', visitorId: 'vi_1', exp: future })).toString('base64url');
    expect(verifySession('s3cret', `${v}.${swapped}.${sig}`)).toBeNull();
    const expired = signSession('s3cret', { kind: 'visitor', appId: 'acme', visitorId: 'vi_1', exp: 1 });
    expect(verifySession('s3cret', expired)).toBeNull();
    for (const junk of [undefined, 42, '', 'a.b', 'v1..', `${token}.extra`, 'x'.repeat(5000)]) expect(verifySession('s3cret', junk)).toBeNull();
  });
});

describe('agent passwords', () => {
  it('stores a salted scrypt hash that only the right password matches', async () => {
    const [a, b] = await Promise.all([hashPassword('hunter2'), hashPassword('hunter2')]);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('hunter2', a)).toBe(true);
    expect(await verifyPassword('hunter3', a)).toBe(false);
    expect(await verifyPassword('hunter2', 'not-a-hash')).toBe(false);
  });
});
