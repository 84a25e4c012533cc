import type { IDBPDatabase } from 'idb';
import { bumpRevision } from '../platform/revision';
import type { CourierDB } from '../store/db';

export interface MessageAt {
  accountId: string;
  channel: string;
  ts: string;
}

/**
 * Keeps History true to Slack after an edit or a delete, whichever page did it (the popup's result,
 * History itself): an edited entry shows its new text, a removed one stays as removed, without the
 * actions that no longer apply.
 */
export async function followInHistory(
  db: IDBPDatabase<CourierDB>,
  at: MessageAt,
  change: { text: string } | { removed: true },
  now = Date.now(),
): Promise<void> {
  const entries = (await db.getAll('history')).filter(
    (entry) => entry.accountId === at.accountId && entry.channel === at.channel && entry.ts === at.ts,
  );
  if (entries.length === 0) return;
  for (const entry of entries) {
    await db.put(
      'history',
      'text' in change ? { ...entry, text: change.text, editedAt: now } : { ...entry, removedAt: now },
    );
  }
  await bumpRevision('outbox');
}
