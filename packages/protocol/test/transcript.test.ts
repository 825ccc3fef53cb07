import { expect, it } from 'vitest';
import { ClientIdSchema, isTranscriptCopy, transcriptClientId, validate } from '../src/index.ts';

it('tells the server’s transcript copies from messages the visitor typed', () => {
  const copy = { clientId: transcriptClientId('h-1', 0) };
  expect(isTranscriptCopy(copy, 'h-1')).toBe(true);
  expect(isTranscriptCopy({ clientId: 'h-1' }, 'h-1')).toBe(false);
  expect(isTranscriptCopy({ clientId: 'h-1t0' }, 'h-1')).toBe(false);
  // A client can never choose an id that looks like a copy: ':' is not allowed in client ids.
  expect(validate(ClientIdSchema, copy.clientId).ok).toBe(false);
});
