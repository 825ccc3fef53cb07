import { HTTP, type Attachment, type AttachmentResponse } from '@helpdock/protocol';
import { toClientError, type Result } from './errors.ts';

/** Attachments over HTTP, with the agent's token in the Authorization header (never in a URL). */
export interface Files {
  upload(conversationId: string, file: File): Promise<Result<{ attachment: Attachment }>>;
  /** A blob URL of the bytes; revoke it when done. */
  url(attachmentId: string): Promise<Result<{ url: string }>>;
}

export function createFiles(server: string, token: string, fetchImpl: typeof fetch = globalThis.fetch): Files {
  async function call(path: string, init: RequestInit = {}): Promise<Response | { ok: false; error: ReturnType<typeof toClientError> }> {
    try {
      return await fetchImpl(`${server}${path}`, { ...init, headers: { authorization: `Bearer ${token}` }, credentials: 'omit', referrerPolicy: 'no-referrer' });
    } catch (err) {
      return { ok: false, error: { code: 'network', message: err instanceof Error ? err.message : String(err) } };
    }
  }
  async function refusal(res: Response) {
    const body = (await res.json().catch(() => null)) as { error?: unknown } | null;
    return { ok: false as const, error: toClientError(body?.error, res.status === 413 ? 'too_large' : res.status === 415 ? 'unsupported_type' : 'internal') };
  }
  return {
    async upload(conversationId, file) {
      const res = await call(`${HTTP.attachments(conversationId)}?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file });
      if (!(res instanceof Response)) return res;
      return res.ok ? { ok: true, ...((await res.json()) as AttachmentResponse) } : refusal(res);
    },
    async url(attachmentId) {
      const res = await call(HTTP.attachment(attachmentId));
      if (!(res instanceof Response)) return res;
      return res.ok ? { ok: true, url: URL.createObjectURL(await res.blob()) } : refusal(res);
    },
  };
}
