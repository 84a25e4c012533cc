import { bumpRevision } from '../../platform/revision';
import type { HistoryView } from '../../protocol';
import { historyRetentionDays } from '../../store/settings';
import { accountContext } from '../../actions/account-context';
import { deleteFile } from '../../actions/files';
import { deleteMessage } from '../../actions/messages';
import { runAction } from '../../actions/runner';
import { deleteScheduledMessage } from '../../actions/scheduled';
import type { Handlers } from '../../messaging/router';
import type { Services } from '../services';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Forgets entries older than the retention; run before listing. */
export async function pruneHistory({ store }: Services): Promise<number> {
  return store.history.pruneBefore(Date.now() - (await historyRetentionDays.getValue()) * DAY_MS);
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
      const entries = await all.store.history.list();
      return entries
        .map((entry): HistoryView => ({ ...entry }))
        .filter((entry) => matches(entry, query ?? ''))
        .sort((a, b) => b.sentAt - a.sentAt)
        .slice(0, 500);
    },
    'history.delete': async ({ id }) => {
      const all = await services();
      const entry = await all.store.history.get(id);
      if (!entry || entry.removedAt) return null;
      const { runner } = await accountContext(all, entry.accountId);
      const { channel, fileId, ts, scheduledMessageId } = entry;
      if (fileId) await runAction(deleteFile, { file: fileId }, runner);
      else if (ts) await runAction(deleteMessage, { channel, ts }, runner);
      else if (scheduledMessageId) {
        await runAction(deleteScheduledMessage, { channel, scheduled_message_id: scheduledMessageId }, runner);
      }
      // Kept as removed, as a delete from the popup leaves it: what was sent, and that it is gone.
      await all.store.history.put({ ...entry, removedAt: Date.now() });
      await bumpRevision('outbox');
      return null;
    },
    'history.clear': async () => {
      await (await services()).store.history.clear();
      await bumpRevision('outbox');
      return null;
    },
    'history.retention': async ({ days }) => {
      if (days !== undefined && Number.isInteger(days) && days > 0 && days <= 3650) {
        await historyRetentionDays.setValue(days);
      }
      return { days: await historyRetentionDays.getValue() };
    },
  };
}
