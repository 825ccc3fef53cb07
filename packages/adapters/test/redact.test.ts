import { describe, expect, it } from 'vitest';
import { createRedactor, redactDeep, stripQuery } from '../src/index.ts';

const redact = createRedactor();

describe('redaction', () => {
  it('masks access keys, tokens, JWTs, passwords and e-mail addresses', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const text = [
      'key AKIAIOSFODNN7EXAMPLE',
      'ali LTAI5tQ9xYz8AbCdEfGh1234',
      `jwt ${jwt}`,
      'Authorization: Bearer abcdef1234567890.xyz',
      'password=hunter2 and "apiKey": "sk_live_51Habc"',
      'mail me: ana.silva@example.com',
      'https://x.example/cb?access_token=abc123&page=2',
    ].join('\n');
    const out = redact(text);
    for (const secret of ['AKIAIOSFODNN7EXAMPLE', 'LTAI5tQ9xYz8AbCdEfGh1234', jwt, 'abcdef1234567890', 'hunter2', 'sk_live_51Habc', 'ana.silva@example.com', 'abc123']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('password=[redacted]');
    expect(out).toContain('page=2');
  });

  it('masks Unicode e-mail addresses and keeps the Unicode text around them', () => {
    expect(redact('请联系 张伟@例子.中国 获取帮助')).toBe('请联系 [redacted] 获取帮助');
  });

  it('leaves resource ids, error codes and ordinary text alone', () => {
    const text = 'Instance i-bp1a2b3c4d5e6f7g8h9i in cn-hangzhou: InvalidInstanceId.NotFound (HTTP 403)';
    expect(redact(text)).toBe(text);
  });

  it('adds the host’s patterns and warns once about a broken one', () => {
    const r = createRedactor([/\bACCT-\d{6}\b/, '(oops']);
    expect(r('account ACCT-123456 ok')).toBe('account [redacted] ok');
  });

  it('handles a huge page of text in one pass', () => {
    const huge = `${'lorem ipsum '.repeat(100_000)}token=secret`;
    expect(redact(huge).endsWith('token=[redacted]')).toBe(true);
  });

  it('redacts every string of a structure, not its keys', () => {
    expect(redactDeep({ url: 'https://x/?token=t0k', custom: { email: 'a@b.co', n: 1 } }, redact)).toEqual({
      url: 'https://x/?token=[redacted]',
      custom: { email: '[redacted]', n: 1 },
    });
  });

  it('drops query strings and fragments from URLs', () => {
    expect(stripQuery('https://api.example.com/v1/restart?sig=abc#x')).toBe('https://api.example.com/v1/restart');
  });
});
