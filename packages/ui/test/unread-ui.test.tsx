import { loadLaterStrings } from '@helpdock/i18n/later';
import { describe, expect, it } from 'vitest';
import { transcriptText } from '../src/panel/tickets/transcript-text.ts';
import { setup } from './fixtures.ts';

describe('the transcript', () => {
  it('is plain text with names and times, markup left as typed', async () => {
    const { core, i18n } = await setup();
    // As TranscriptButton does before making the file: the transcript's words are in the later strings.
    await loadLaterStrings(i18n);
    const t = (key: string, params?: Record<string, string | number>) => i18n.t(key, { ...params }) as string;
    const text = transcriptText(
      [
        { id: '1', clientId: '1', author: 'visitor', text: 'Hi <b>there</b>', createdAt: '2025-01-01T10:00:00.000Z', seq: 1 },
        { id: '2', clientId: '2', author: 'agent', authorName: 'Ana Silva', text: 'Hello', createdAt: '2025-01-01T10:01:30.000Z', seq: 2 },
      ],
      null,
      t,
      new Date('2025-01-01T11:00:00.000Z'),
    );
    expect(text).toContain('[2025-01-01 10:00:00 UTC] You:\nHi <b>there</b>');
    expect(text).toContain('[2025-01-01 10:01:30 UTC] Ana Silva (Agent):\nHello');
    expect(text).toContain('Transcript saved 2025-01-01 11:00:00 UTC');
    core.destroy();
  });
});
