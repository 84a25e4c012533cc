import { explain } from '../auth/classify';
import { runOutSoon } from '../auth/run-out';
import { signInEnds } from '../store/chains';
import { bumpRevision } from '../platform/revision';
import { clearNotice, notifyReconnect, notifyRunningOut, showBadge } from '../platform/attention';
import type { ChainMeta } from '../store/records';
import type { CourierStore } from '../store/store';

/** Per account, the end of a sign-in that runs out soon (lib/auth/run-out.ts). */
function runningOut(chains: readonly ChainMeta[], now: number): Map<string, number> {
  const ends = signInEnds(chains);
  for (const [accountId, at] of ends)
    if (runOutSoon({ refreshExpiresAt: at }, now) === undefined) ends.delete(accountId);
  return ends;
}

/** Account health: the badge, the notification and the status the Workspaces section shows. */
export function createHealth(store: CourierStore, now: () => number = Date.now) {
  /** Refreshes in progress per account: its bot and user chains may refresh at the same time. */
  const refreshing = new Map<string, number>();

  async function updateBadge(): Promise<void> {
    const accounts = await store.accounts.list();
    const outbox = await store.outbox.list();
    const ending = runningOut(await store.chains.listMeta(), now());
    const connected = accounts.filter((account) => account.status !== 'needs_reconnect');
    await showBadge({
      reconnect: accounts.length - connected.length,
      runningOut: connected.filter((account) => ending.has(account.id)).length,
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

    /**
     * A refresh of a sign-in that runs out soon failed or succeeded: warn once per end date when
     * renewing fails, and take the warning back once refreshes moved every end of the account away.
     */
    async checkRunOut(accountId: string, refreshFailed: boolean): Promise<void> {
      const account = await store.accounts.get(accountId);
      const endsAt = runningOut(await store.chains.listMeta(accountId), now()).get(accountId);
      if (account && account.status !== 'needs_reconnect') {
        if (endsAt === undefined && account.runOutWarnedFor !== undefined) await clearNotice(accountId);
        if (refreshFailed && endsAt !== undefined && account.runOutWarnedFor !== endsAt) {
          await store.accounts.noteRunOutWarning(accountId, endsAt);
          await notifyRunningOut(accountId, account.teamName, endsAt);
        }
      }
      await updateBadge();
    },

    /** A chain died for good: say which workspace and why, everywhere a person might look. */
    async chainDied(accountId: string, code: string): Promise<void> {
      // Said of the workspace, as a person knows it, with what to do; which token died is ours to know.
      const teamName = (await store.accounts.get(accountId))?.teamName;
      const reason = explain(code, teamName ? { workspace: teamName } : {});
      const account = await store.accounts.setStatus(accountId, 'needs_reconnect', reason);
      await bumpRevision('accounts');
      await updateBadge();
      if (account) await notifyReconnect(accountId, account.teamName, reason);
    },
  };
}

export type Health = ReturnType<typeof createHealth>;
