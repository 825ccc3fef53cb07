import { describe, expect, it } from 'vitest';
import { compilePatterns, extractErrorCodes } from '../src/index.ts';

const defaults = compilePatterns(undefined);

describe('error code extraction', () => {
  it('finds the codes cloud consoles show, in order, each once', () => {
    expect(extractErrorCodes('InvalidInstanceId.NotFound: The instance "i-1" does not exist.', defaults)).toEqual(['InvalidInstanceId.NotFound']);
    expect(extractErrorCodes('QuotaExceeded: The vCPU quota is exhausted.', defaults)).toEqual(['QuotaExceeded']);
    expect(extractErrorCodes('HTTP 403 Forbidden: your role lacks ecs:StopInstance', defaults)).toEqual(['HTTP 403']);
    expect(extractErrorCodes('Got HTTP/1.1 503 then AccessDenied twice: AccessDenied', defaults)).toEqual(['HTTP 503', 'AccessDenied']);
  });

  it('ignores ordinary prose', () => {
    expect(extractErrorCodes('Your instance is starting. This may take a minute.', defaults)).toEqual([]);
    expect(extractErrorCodes('实例正在启动，请稍候。', defaults)).toEqual([]);
  });

  it('uses the host’s own patterns, group 1 when there is one, and reports a broken pattern once without throwing', () => {
    const custom = compilePatterns([/\bERR-(\d{4})\b/, 'E\\d{3}', '(unclosed']);
    expect(extractErrorCodes('Failed with ERR-0042 and E500', custom)).toEqual(['0042', 'E500']);
  });

  it('reads only the start of a huge banner, and returns a bounded list', () => {
    const huge = `${'QuotaExceeded: '.repeat(10)}${'x'.repeat(1_000_000)} AccessDenied`;
    expect(extractErrorCodes(huge, defaults)).toEqual(['QuotaExceeded']);
    const many = Array.from({ length: 200 }, (_, i) => `Code${i}.Failed`).join(' ');
    expect(extractErrorCodes(many, defaults).length).toBeLessThanOrEqual(20);
  });
});
