import type { ChannelResult, FilePort, PickedFile } from '@helpdock/core';
import { HTTP, type AttachmentResponse, type ProtocolError } from '@helpdock/protocol';

export interface HttpFilesOptions {
  serverUrl: string;
  /** The visitor's current session token; sent in the Authorization header, never in a URL. */
  token: () => string | null;
  fetch?: typeof fetch | undefined;
}

type Failed = { ok: false; error: ProtocolError | { code: 'network'; message: string } };

/**
 * Attachments over HTTP (loaded with the first attach or preview). Every
 * request carries the token in a header, with no cookies and no referrer;
 * downloads become blob URLs, so no credential ever sits in a URL.
 */
export function httpFiles(options: HttpFilesOptions): FilePort {
  const base = options.serverUrl.replace(/\/$/, '');
  const call = async (path: string, init: RequestInit = {}): Promise<Response | Failed> => {
    const token = options.token();
    if (!token) return { ok: false, error: { code: 'unauthorized', message: 'no visitor session' } };
    try {
      return await (options.fetch ?? globalThis.fetch)(base + path, {
        ...init,
        headers: { authorization: `Bearer ${token}` },
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
    } catch (err) {
      return { ok: false, error: { code: 'network', message: String(err) } };
    }
  };
  const refusal = async (res: Response): Promise<Failed> => {
    const body = (await res.json().catch(() => null)) as { error?: ProtocolError } | null;
    return { ok: false, error: body?.error ?? { code: 'network', message: `HTTP ${res.status}` } };
  };

  return {
    async upload(conversationId: string, file: PickedFile): Promise<ChannelResult<AttachmentResponse>> {
      const res = await call(`${HTTP.attachments(conversationId)}?name=${encodeURIComponent(file.name)}`, { method: 'POST', body: file as unknown as Blob });
      if (!(res instanceof Response)) return res;
      return res.ok ? { ok: true, ...((await res.json()) as AttachmentResponse) } : refusal(res);
    },
    async url(attachmentId: string): Promise<ChannelResult<{ url: string }>> {
      const res = await call(HTTP.attachment(attachmentId));
      if (!(res instanceof Response)) return res;
      return res.ok ? { ok: true, url: URL.createObjectURL(await res.blob()) } : refusal(res);
    },
  };
}
