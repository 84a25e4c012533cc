import type { OutboxItem } from '../store/sending-records';

/**
 * The item waiting again and due now (Retry, Try now, Edit, access granted, its workspace
 * reconnected): what made it wait for the person (the site it needed, the reconnect, the downloads
 * that failed, the old sentence) is cleared. Slack's own Retry-After still holds.
 */
export function readyAgain(item: OutboxItem, now: number): OutboxItem {
  const { needsAccess: _access, reason: _reason, waitsForReconnect: _reconnect, ...rest } = item;
  return {
    ...rest,
    state: 'pending',
    nextAttemptAt: Math.max(now, item.notBefore ?? 0),
    ...(item.file ? { file: { ...item.file, downloadFailures: 0 } } : {}),
  };
}

/** What a workspace holds once it is connected again. */
export interface Reconnected {
  id: string;
  botScopes: readonly string[];
  userScopes: readonly string[];
}

/**
 * Whether connecting `account` again is what `item` waited for: it failed only because that
 * workspace needed a reconnect, and the workspace now holds every scope the failure named.
 */
export function reconnectResumes(item: OutboxItem, account: Reconnected): boolean {
  if (item.accountId !== account.id || item.state !== 'failed' || !item.waitsForReconnect) return false;
  const granted = new Set([...account.botScopes, ...account.userScopes]);
  return (item.waitsForReconnect.scopes ?? []).every((scope) => granted.has(scope));
}
