import type { SlackCalls } from '../slack/client';
import type { StoredMessage } from '../slack/schemas';
import type { OutboxItem } from '../store/sending-records';

/** What Slack holds once an item is through: a message, a scheduled message or a shared file. */
export interface Delivered {
  channel: string;
  ts?: string;
  scheduledMessageId?: string;
  postAt?: number;
  /** Known at once for a file share; looked up for a message. */
  permalink?: string;
  /** A file share: the file shared, and the uploads abandoned on the way (OutboxFile.abandoned). */
  fileId?: string;
  abandonedFiles?: string[];
}

export type Posted = StoredMessage;

/** The most a lookup reads: Courier's own post is among the newest messages since the item was made. */
const LOOKUP_MAX = 1000;

/**
 * The ts of the first message since the item was made that `matches`, in the item's thread for a
 * reply (history does not list replies) or else in the channel's history. Slack's refusals
 * (no history scope, a DM addressed by user id) are thrown as they come.
 */
export async function findInChannel(
  api: SlackCalls,
  item: OutboxItem,
  matches: (message: Posted) => boolean,
): Promise<string | undefined> {
  const window = {
    channel: item.channel,
    oldest: String(Math.floor(item.createdAt / 1000) - 60),
    include_all_metadata: true,
  };
  const messages = item.threadTs
    ? api.paginate('conversations.replies', { ...window, ts: item.threadTs }, { itemsKey: 'messages', max: LOOKUP_MAX })
    : api.paginate('conversations.history', window, { itemsKey: 'messages', max: LOOKUP_MAX });
  for await (const message of messages) {
    if (matches(message)) return message.ts;
  }
  return undefined;
}
