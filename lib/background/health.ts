import { explain } from '../auth/classify';
import { bumpRevision } from '../platform/revision';
import { notifyReconnect, showBadge } from '../platform/attention';
import type { ChainKind } from '../store/records';
import type { CourierStore } from '../store/store';

/** Account health: the badge, the notification and the status the Workspaces section shows. */
export function createHealth(store: CourierStore) {
  /** Refreshes in progress per account: its bot and user chains may refresh at the same time. */
  const refreshing = new Map<string, number>();

  async function updateBadge(): Promise<void> {
    const accounts = await store.accounts.list();
    const outbox = await store.db.getAll('outbox');
    await showBadge({
      reconnect: accounts.filter((account) => account.status === 'needs_reconnect').length,
      pending: outbox.filter((item) => item.state !== 'failed').length,
    });
  }

  return {
    updateBadge,
    isRefreshing: (accountId: string) => refreshing.has(accountId),

    setRefreshing(accountId: string, active: boolean): void {
      const count = (refreshing.get(accountId) ?? 0) + (active ? 1 : -1);
      if (count > 0) refreshing.set(accountId, count);
      else refreshing.delete(accountId);
      void bumpRevision('accounts');
    },

    /** A chain died for good: say which workspace and why, everywhere a person might look. */
    async chainDied(accountId: string, kind: ChainKind, code: string): Promise<void> {
      const who = kind === 'user' ? 'Your user token' : 'The bot token';
      const reason = `${who} stopped working. ${explain(code)}`;
      const account = await store.accounts.setStatus(accountId, 'needs_reconnect', reason);
      await bumpRevision('accounts');
      await updateBadge();
      if (account) await notifyReconnect(accountId, account.teamName, reason);
    },
  };
}

export type Health = ReturnType<typeof createHealth>;
