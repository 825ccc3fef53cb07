import type { Db } from '../db/db.ts';
import type { Logger } from '../log.ts';
import { deleteAttachmentRow, listUnsentAttachments } from '../store/attachments.ts';
import type { AttachmentStore } from './store.ts';

/**
 * Removes attachments that were uploaded but never sent in a message, once they are older than
 * `keepMs`: their bytes first, then the row (a crash in between leaves a row that the next pass
 * finds again, never a file nobody can find). Returns how many went.
 */
export async function sweepUnsentAttachments(db: Db, store: AttachmentStore, now: number, keepMs: number, logger: Logger): Promise<number> {
  let removed = 0;
  for (const { app_id: appId, id } of await listUnsentAttachments(db, new Date(now - keepMs))) {
    try {
      await store.delete(id);
      await deleteAttachmentRow(db, appId, id);
      removed++;
    } catch (err) {
      logger.warn(`unsent attachment ${id} not removed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return removed;
}
