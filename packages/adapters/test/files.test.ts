import { describe, expect, it } from 'vitest';
import { httpFiles } from '../src/files.ts';

/** Records every request and answers with `answer`. */
function recordingFetch(answer: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => (calls.push({ url, init }), answer())) as unknown as typeof fetch;
  return { calls, fetchImpl };
}

describe('attachments over HTTP', () => {
  it('uploads with the session in the Authorization header, never in the URL, and without cookies or referrer', async () => {
    const attachment = { id: 'att_1', name: 'a b.png', type: 'image/png', kind: 'image', size: 3 };
    const { calls, fetchImpl } = recordingFetch(() => new Response(JSON.stringify({ attachment }), { status: 201 }));
    const files = httpFiles({ serverUrl: 'https://help.example.com/', token: () => 'v1.secret.sig', fetch: fetchImpl });
    const file = new Blob([new Uint8Array([1, 2, 3])]) as Blob & { name: string };
    Object.defineProperty(file, 'name', { value: 'a b.png' });
    expect(await files.upload('cv_1', file)).toEqual({ ok: true, attachment });
    const [call] = calls;
    expect(call?.url).toBe('https://help.example.com/api/v1/conversations/cv_1/attachments?name=a%20b.png');
    expect(call?.url).not.toContain('secret');
    expect(call?.init).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer v1.secret.sig' }, credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(call?.init.body).toBe(file);
  });

  it('passes the server’s reason on when an upload is refused, and says when there is no session or network', async () => {
    const refused = recordingFetch(() => new Response(JSON.stringify({ error: { code: 'too_large', message: 'an image may be at most 5 MB' } }), { status: 413 }));
    const file = Object.assign(new Blob(['x']), { name: 'big.png' });
    expect(await httpFiles({ serverUrl: 'https://h', token: () => 't', fetch: refused.fetchImpl }).upload('cv_1', file)).toEqual({
      ok: false,
      error: { code: 'too_large', message: 'an image may be at most 5 MB' },
    });
    const noSession = recordingFetch(() => new Response('{}'));
    expect(await httpFiles({ serverUrl: 'https://h', token: () => null, fetch: noSession.fetchImpl }).upload('cv_1', file)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(noSession.calls).toEqual([]);
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await httpFiles({ serverUrl: 'https://h', token: () => 't', fetch: offline }).url('att_1')).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('turns a download into a blob URL, fetched with the header', async () => {
    const { calls, fetchImpl } = recordingFetch(() => new Response('log line\n', { status: 200 }));
    const result = await httpFiles({ serverUrl: 'https://h', token: () => 'tok', fetch: fetchImpl }).url('att_9');
    expect(result.ok && result.url.startsWith('blob:')).toBe(true);
    if (result.ok) URL.revokeObjectURL(result.url);
    expect(calls[0]).toMatchObject({ url: 'https://h/api/v1/attachments/att_9', init: { headers: { authorization: 'Bearer tok' } } });
  });
});
