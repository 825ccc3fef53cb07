import { afterEach, describe, expect, it, vi } from 'vitest';
import { deferredContextSource } from '../src/deferred-context.ts';

afterEach(() => {
  vi.restoreAllMocks();
  document.title = '';
});

describe('the context source that stands in until the full one loads', () => {
  it('warns once about a host redaction pattern that does not compile, and masks with the others before and after loading', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    document.title = 'Billing for ACME-1234';
    const source = deferredContextSource({ redact: ['(unclosed', 'ACME-\\d+'] });

    expect(source.snapshot().title).not.toContain('ACME-1234');
    const snapshots: Array<{ title?: string | undefined }> = [];
    const stop = source.subscribe((s) => snapshots.push(s));
    await vi.waitFor(() => expect(snapshots.length).toBeGreaterThan(0));
    expect(snapshots.at(-1)?.title).toContain('Billing for');
    expect(snapshots.at(-1)?.title).not.toContain('ACME-1234');
    stop();
    source.dispose();

    const aboutPattern = warn.mock.calls.filter((call) => String(call[0]).includes('"(unclosed"'));
    expect(aboutPattern).toHaveLength(1);
    expect(String(aboutPattern[0]?.[0])).toContain('is not a valid regular expression');
  });
});
