import type { SlackCalls } from '../slack/client';
import { SlackApiError } from '../slack/errors';
import type { HistoryEntry } from '../store/sending-records';
import { preferredCalls, preferredKind, type AccountContext } from '../actions/account-context';
import { OUTBOX_EVENT } from './delivery';
import { fileInfo, shareIn } from './file-share';
import type { OutboxDeps } from './deps';

type SweepDeps = Pick<OutboxDeps, 'history' | 'contextOf'>;

/**
 * Chromium resends a POST on its own when a reused keep-alive connection drops, even after Slack
 * stored the message, and fetch never learns of it. So a sent message may exist twice. Once a
 * send has settled, one history read per channel finds every copy carrying its outbox id, and
 * every copy but the one Courier recorded (whose permalink it handed out) is deleted: exactly
 * once, eventually. Only copies Courier posted: anyone can put its metadata on a message. File
 * shares have their own way to double (see sweepFiles).
 */
export async function sweepDuplicates(deps: SweepDeps, now: number): Promise<number> {
  const history = await deps.history.list();
  const settled = history.filter((entry) => !entry.swept && now - entry.sentAt > SETTLE_MS);
  const fileShares = settled.filter((entry) => entry.abandonedFiles?.length);
  const messages = settled.filter((entry) => entry.ts && !entry.fileId);
  return (await sweepFiles(deps, fileShares)) + (await sweepMessages(deps, messages));
}

async function sweepMessages(deps: SweepDeps, settled: readonly HistoryEntry[]): Promise<number> {
  const byChannel = new Map<string, HistoryEntry[]>();
  for (const entry of settled) {
    const key = `${entry.accountId} ${entry.channel}`;
    byChannel.set(key, [...(byChannel.get(key) ?? []), entry]);
  }
  let deleted = 0;
  const authors = new Map<string, Promise<Set<unknown>>>();
  for (const entries of byChannel.values()) {
    const first = entries[0]!;
    try {
      const context = await deps.contextOf(first.accountId);
      const api = preferredCalls(context);
      let ours = authors.get(first.accountId);
      if (!ours) authors.set(first.accountId, (ours = ownAuthors(context, api)));
      const own = await ours;
      const oldest = Math.min(...entries.map((entry) => entry.sentAt)) / 1000 - 120;
      const { messages } = await api.call('conversations.history', {
        channel: first.channel,
        oldest: oldest.toFixed(6),
        limit: 200,
        include_all_metadata: true,
      });
      for (const entry of entries) {
        const copies = messages.filter(
          (message) =>
            message.metadata?.event_type === OUTBOX_EVENT &&
            message.metadata.event_payload?.outbox_id === entry.id &&
            own.has(message.user),
        );
        for (const copy of copies) {
          if (copy.ts === entry.ts) continue;
          await api.call('chat.delete', { channel: first.channel, ts: copy.ts });
          deleted++;
        }
        await deps.history.put({ ...entry, swept: true });
      }
    } catch {
      // No history scope, a deleted channel, the network: try again on the next tick; the
      // entries stay unswept until they age out of history.
    }
  }
  return deleted;
}

/**
 * Who Courier posts as in the workspace: its bot user and the person who linked it. Slack names a
 * bot's message by its bot user too (with bot_id), so the user alone tells Courier's posts apart.
 */
async function ownAuthors(context: AccountContext, api: SlackCalls): Promise<Set<unknown>> {
  const { botUserId, authedUserId } = context.account;
  // Slack's exchange may not have named the bot user; auth.test with the bot token does.
  const bot = botUserId ?? (preferredKind(context) === 'bot' ? (await api.call('auth.test', {})).user_id : undefined);
  return new Set([bot, authedUserId].filter(Boolean));
}

/**
 * A file share whose upload started over (file-share.ts) may have been shared twice: a completion
 * sent by a worker that was stopped can reach Slack after the next worker found nothing. Each
 * abandoned upload that did land in the share's channel is deleted; the file Courier recorded stays.
 */
async function sweepFiles(deps: SweepDeps, settled: readonly HistoryEntry[]): Promise<number> {
  let deleted = 0;
  for (const entry of settled) {
    try {
      const context = await deps.contextOf(entry.accountId);
      const api = preferredCalls(context);
      for (const fileId of entry.abandonedFiles ?? []) {
        const file = fileId === entry.fileId ? undefined : await fileInfo(api, fileId);
        const share = file && shareIn(file, entry.channel);
        if (!share) continue;
        // The share's message carries the comment: it goes too, or the channel would show it twice.
        if (share.ts) await deleteMessage(api, entry.channel, share.ts);
        await api.call('files.delete', { file: fileId });
        deleted++;
      }
      await deps.history.put({ ...entry, swept: true });
    } catch {
      // No files:read, the network: the next tick tries again, as for messages.
    }
  }
  return deleted;
}

async function deleteMessage(api: SlackCalls, channel: string, ts: string): Promise<void> {
  try {
    await api.call('chat.delete', { channel, ts });
  } catch (error) {
    if (!(error instanceof SlackApiError && error.code === 'message_not_found')) throw error;
  }
}

/** Chromium's own resend happens within the request's lifetime; a minute is well past it. */
export const SETTLE_MS = 60_000;

/** An entry the sweep has still to check (a message, or a share with abandoned uploads), once settled. */
export const awaitsSweep = (entry: HistoryEntry): boolean =>
  !entry.swept && (Boolean(entry.abandonedFiles?.length) || Boolean(entry.ts && !entry.fileId));
