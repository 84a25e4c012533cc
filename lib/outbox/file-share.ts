import type { SlackCalls } from '../slack/client';
import type { SlackFile } from '../slack/schemas';
import { SlackApiError } from '../slack/errors';
import type { UploadProgress } from '../slack/send-bytes';
import { uploadFile } from '../slack/upload';
import type { OutboxFile, OutboxItem } from '../store/sending-records';
import { findInChannel, type Delivered } from './lookup';
import type { OutboxDeps } from './deps';
import { downloadFile } from './planned-file';

/** Where a file object says it is shared in `channel`: the share's ts, or true without one. */
export function shareIn(file: SlackFile, channel: string): { ts?: string } | undefined {
  for (const side of [file.shares?.public, file.shares?.private]) {
    const ts = side?.[channel]?.[0]?.ts;
    if (side?.[channel]) return ts ? { ts } : {};
  }
  const listed = [file.channels, file.groups, file.ims].some((ids) => ids?.includes(channel));
  return listed ? {} : undefined;
}

/** The shared file as Delivered, from a file object that Slack returned. */
function delivered(item: OutboxItem, file: SlackFile | undefined): Delivered {
  const share = file ? shareIn(file, item.channel) : undefined;
  return {
    channel: item.channel,
    ...(share?.ts ? { ts: share.ts } : {}),
    ...(file?.permalink ? { permalink: file.permalink } : {}),
    ...(file?.id ? { fileId: file.id } : {}),
  };
}

/**
 * Slack's file object for `fileId`; undefined when there is no such file: an upload never completed
 * is not a file, and a deleted one is gone. Other refusals (no files:read) are thrown.
 */
export async function fileInfo(api: SlackCalls, fileId: string): Promise<SlackFile | undefined> {
  try {
    return (await api.call('files.info', { file: fileId })).file;
  } catch (error) {
    if (error instanceof SlackApiError && (error.code === 'file_not_found' || error.code === 'file_deleted')) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Whether an unanswered completion of `fileId` shared the file after all. files.info by id is one
 * exact call (a file exists only once completed); without files:read, the channel's recent
 * messages are searched for the file's share. A lookup Slack refuses both ways cannot tell, and the
 * upload starts over: at least once rather than never.
 */
async function findShared(api: SlackCalls, item: OutboxItem, fileId: string): Promise<Delivered | undefined> {
  try {
    const file = await fileInfo(api, fileId);
    return file && shareIn(file, item.channel) ? delivered(item, file) : undefined;
  } catch (error) {
    if (!(error instanceof SlackApiError)) throw error;
  }
  try {
    const ts = await findInChannel(api, item, (message) => message.files?.some((file) => file.id === fileId) === true);
    return ts ? { channel: item.channel, ts, fileId } : undefined;
  } catch (error) {
    if (error instanceof SlackApiError) return undefined;
    throw error;
  }
}

/** The upload was cancelled or the item discarded while its bytes went up: do not complete it. */
class Withdrawn extends Error {
  constructor() {
    super('The outbox item was withdrawn before its upload completed');
    this.name = 'Withdrawn';
  }
}

/**
 * One attempt at a file share. Slack drops an upload that is never completed, so an attempt whose
 * completion went unanswered starts over from getUploadURLExternal, after checking that the file
 * did not land. The bytes are fetched once and stored in the item before the first call to Slack.
 */
export async function shareFile(
  deps: Pick<OutboxDeps, 'items' | 'downloads'>,
  api: SlackCalls,
  item: OutboxItem,
  options: { signal?: AbortSignal; onProgress?: (progress: UploadProgress) => void },
): Promise<Delivered> {
  const { items: store } = deps;
  let file = item.file!;
  if (file.completing) {
    const landed = await findShared(api, item, file.completing);
    if (landed) return withAbandoned(landed, file);
    // Not there now, but a completion sent by a worker that was stopped may still reach Slack:
    // kept for the duplicate sweep, which deletes it if it lands after all.
    const stored = await store.get(item.id);
    if (!stored?.file || options.signal?.aborted) throw new Withdrawn();
    const { completing, ...rest } = stored.file;
    file = { ...rest, abandoned: [...(rest.abandoned ?? []), completing ?? file.completing] };
    await store.put({ ...stored, file });
  }
  if (!file.blob) {
    file = await downloadFile(file, { ...deps.downloads, ...(options.signal ? { signal: options.signal } : {}) });
    const stored = await store.get(item.id);
    if (!stored || options.signal?.aborted) throw new Withdrawn();
    await store.put({ ...stored, file });
  }
  let completing: string | undefined;
  const upload = uploadFile(api, {
    file: file.blob!,
    filename: file.filename,
    title: file.title,
    channelId: item.channel,
    ...(item.text ? { initialComment: item.text } : {}),
    ...(file.altText ? { altText: file.altText } : {}),
    ...(item.threadTs ? { threadTs: item.threadTs } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    beforeComplete: async (fileId) => {
      const stored = await store.get(item.id);
      if (!stored?.file || options.signal?.aborted) throw new Withdrawn();
      await store.put({ ...stored, file: { ...stored.file, completing: fileId } });
      completing = fileId;
    },
  });
  try {
    const { completed } = await upload;
    return withAbandoned(delivered(item, completed.files[0]), file);
  } catch (error) {
    // Chromium resends a POST whose keep-alive connection dropped, below fetch: the resent
    // completion then finds its upload already used. Only Slack can say whether the first one shared it.
    const landed =
      completing && error instanceof SlackApiError && error.code === 'file_not_found'
        ? await findShared(api, item, completing)
        : undefined;
    if (landed) return withAbandoned(landed, file);
    throw error;
  }
}

function withAbandoned(shared: Delivered, file: OutboxFile): Delivered {
  return file.abandoned?.length ? { ...shared, abandonedFiles: file.abandoned } : shared;
}
