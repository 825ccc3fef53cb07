import { LIMITS, type Attachment } from '@helpdock/protocol';
import type { CoreContext } from './context.ts';
import type { AgentChannel, ChannelResult, PickedFile } from './ports.ts';

/*
 * Attachments, loaded on first use (the launcher never carries them): the upload
 * and the URL of an attachment's bytes, both through the agent channel's files.
 */

interface Link {
  connect(): Promise<AgentChannel>;
  queueMessage(text: string, attachments?: Attachment[]): void;
}

const MB = 1024 * 1024;
const unavailable = { ok: false as const, error: { code: 'network' as const, message: 'attachments are not available' } };

async function viaFiles<T>(link: Link, run: (port: Awaited<ReturnType<NonNullable<AgentChannel['files']>>>) => Promise<ChannelResult<T>>): Promise<ChannelResult<T>> {
  try {
    const port = await (await link.connect()).files?.();
    return port ? await run(port) : unavailable;
  } catch {
    return unavailable;
  }
}

/** Uploads the file, then sends it as a message of its own; the draft is left alone. A refusal is state. */
export async function attachFile(ctx: CoreContext, link: Link, file: PickedFile): Promise<void> {
  const { store } = ctx;
  const { ticket, phase } = store.getState();
  if (!ticket || phase === 'resolved') return;
  const { name } = file;
  store.setState((s) => ({ uploads: (s.uploads ?? []).concat(name), error: s.error?.kind === 'upload_failed' ? null : s.error }));
  const res = await viaFiles(link, (port) => port.upload(ticket.conversationId, file));
  if (ctx.isDestroyed()) return;
  store.setState((s) => {
    const uploads = [...(s.uploads ?? [])];
    uploads.splice(uploads.indexOf(name), 1);
    return { uploads };
  });
  if (!res.ok) store.setState({ error: { kind: 'upload_failed', reason: res.error.code, name, image: LIMITS.attachmentImageBytes / MB, log: LIMITS.attachmentLogBytes / MB } });
  else if (store.getState().ticket?.conversationId === ticket.conversationId) link.queueMessage('', [res.attachment]);
}

export async function attachmentUrl(link: Link, attachmentId: string): Promise<string | null> {
  const res = await viaFiles(link, (port) => port.url(attachmentId));
  return res.ok ? res.url : null;
}
