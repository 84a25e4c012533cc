import type { HistoryEntry } from '../store/sending-records';
import { accountContext } from './account-context';
import { callsFor, preferredKind } from './calls';
import { OUTBOX_EVENT } from './delivery';
import type { Services } from './services';

/**
 * Chromium resends a POST on its own when a reused keep-alive connection drops, even after Slack
 * stored the message, and fetch never learns of it. So a sent message may exist twice. Once a
 * send has settled, one history read per channel finds every copy carrying its outbox id, and
 * every copy but the one Courier recorded (whose permalink it handed out) is deleted: exactly
 * once, eventually.
 */
export async function sweepDuplicates(services: Services, now = Date.now()): Promise<number> {
  const { store } = services;
  const settled = (await store.db.getAll('history')).filter(
    (entry) => entry.ts && !entry.swept && now - entry.sentAt > SETTLE_MS,
  );
  const byChannel = new Map<string, HistoryEntry[]>();
  for (const entry of settled) {
    const key = `${entry.accountId} ${entry.channel}`;
    byChannel.set(key, [...(byChannel.get(key) ?? []), entry]);
  }
  let deleted = 0;
  for (const entries of byChannel.values()) {
    const first = entries[0]!;
    try {
      const context = await accountContext(services, first.accountId);
      const api = callsFor(context, preferredKind(context));
      const oldest = Math.min(...entries.map((entry) => entry.sentAt)) / 1000 - 120;
      const body = await api.call('conversations.history', {
        channel: first.channel,
        oldest: oldest.toFixed(6),
        limit: 200,
        include_all_metadata: true,
      });
      const messages = (body.messages ?? []) as {
        ts: string;
        metadata?: { event_type?: string; event_payload?: { outbox_id?: string } };
      }[];
      for (const entry of entries) {
        const copies = messages.filter(
          (message) =>
            message.metadata?.event_type === OUTBOX_EVENT && message.metadata.event_payload?.outbox_id === entry.id,
        );
        for (const copy of copies) {
          if (copy.ts === entry.ts) continue;
          await api.call('chat.delete', { channel: first.channel, ts: copy.ts });
          deleted++;
        }
        await store.db.put('history', { ...entry, swept: true });
      }
    } catch {
      // No history scope, a deleted channel, the network: try again on the next tick; the
      // entries stay unswept until they age out of history.
    }
  }
  return deleted;
}

/** Chromium's own resend happens within the request's lifetime; a minute is well past it. */
const SETTLE_MS = 60_000;
