import { browser } from 'wxt/browser';
import { bumpRevision } from '../platform/revision';
import type { HistoryView } from '../protocol';
import { accountContext } from './account-context';
import { preferredCalls } from './calls';
import type { Handlers } from './router';
import type { Services } from './services';

const RETENTION_KEY = 'history-retention-days';
const DEFAULT_RETENTION_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

async function retentionDays(): Promise<number> {
  const stored = (await browser.storage.local.get(RETENTION_KEY))[RETENTION_KEY];
  return typeof stored === 'number' && stored > 0 ? stored : DEFAULT_RETENTION_DAYS;
}

/** Forgets entries older than the retention; run before listing. */
export async function pruneHistory(services: Services): Promise<number> {
  const cutoff = Date.now() - (await retentionDays()) * DAY_MS;
  const tx = services.store.db.transaction('history', 'readwrite');
  let removed = 0;
  for (
    let cursor = await tx.store.index('bySentAt').openCursor(IDBKeyRange.upperBound(cutoff));
    cursor;
    cursor = await cursor.continue()
  ) {
    await cursor.delete();
    removed++;
  }
  await tx.done;
  return removed;
}

function matches(entry: HistoryView, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || [entry.text, entry.label, entry.teamName].some((field) => field.toLowerCase().includes(q));
}

export function historyHandlers(
  services: () => Promise<Services>,
): Pick<Handlers, 'history.list' | 'history.delete' | 'history.clear' | 'history.retention'> {
  return {
    'history.list': async ({ query }) => {
      const all = await services();
      await pruneHistory(all);
      const entries = await all.store.db.getAll('history');
      return entries
        .map((entry): HistoryView => ({ ...entry }))
        .filter((entry) => matches(entry, query ?? ''))
        .sort((a, b) => b.sentAt - a.sentAt)
        .slice(0, 500);
    },
    'history.delete': async ({ id }) => {
      const all = await services();
      const entry = await all.store.db.get('history', id);
      if (!entry || entry.removedAt) return null;
      const context = await accountContext(all, entry.accountId);
      const api = preferredCalls(context);
      if (entry.fileId) await api.call('files.delete', { file: entry.fileId });
      else if (entry.ts) await api.call('chat.delete', { channel: entry.channel, ts: entry.ts });
      else if (entry.scheduledMessageId) {
        await api.call('chat.deleteScheduledMessage', {
          channel: entry.channel,
          scheduled_message_id: entry.scheduledMessageId,
        });
      }
      // Kept as removed, as a delete from the popup leaves it: what was sent, and that it is gone.
      await all.store.db.put('history', { ...entry, removedAt: Date.now() });
      await bumpRevision('outbox');
      return null;
    },
    'history.clear': async () => {
      await (await services()).store.db.clear('history');
      await bumpRevision('outbox');
      return null;
    },
    'history.retention': async ({ days }) => {
      if (days !== undefined && Number.isInteger(days) && days > 0 && days <= 3650) {
        await browser.storage.local.set({ [RETENTION_KEY]: days });
      }
      return { days: await retentionDays() };
    },
  };
}
