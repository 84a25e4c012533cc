import { toWireError } from '../errors';
import { backoffMs, classifyAttempt, MAX_DOWNLOAD_TRIES, SERVER_FIRST_WAIT_MS, type AttemptFailure } from './classify';
import { whatHappened } from './waiting-reason';
import type { SendResult, WireError } from '../protocol';
import type { SlackCalls } from '../slack/client';
import { SlackApiError } from '../slack/errors';
import { isSlackWebUrl } from '../slack/hosts';
import { permalinkFor } from '../slack/permalink';
import type { UploadProgress } from '../slack/send-bytes';
import type { OutboxItem } from '../store/sending-records';
import { preferredCalls, type AccountContexts } from '../actions/account-context';
import { shareFile } from './file-share';
import { findInChannel, type Delivered } from './lookup';
import type { OutboxWrites } from '../store/outbox-writes';
import type { OutboxDeps } from './deps';

/** The message metadata event that carries the outbox id, so a retry can find its own post. */
export const OUTBOX_EVENT = 'courier_outbox';

/**
 * Looks for this item among what Slack already has: its outbox id in the channel's recent history
 * (or its thread), or a scheduled message with the same time and text. A lookup Slack refuses
 * cannot tell, so the item is posted: at least once rather than never.
 */
async function findPosted(api: SlackCalls, item: OutboxItem): Promise<Delivered | undefined> {
  try {
    if (item.postAt !== undefined) {
      for await (const scheduled of api.paginate(
        'chat.scheduledMessages.list',
        { channel: item.channel },
        { itemsKey: 'scheduled_messages' },
      )) {
        if (Number(scheduled.post_at) === item.postAt && scheduled.text === item.text) {
          return { channel: scheduled.channel_id, scheduledMessageId: String(scheduled.id), postAt: item.postAt };
        }
      }
      return undefined;
    }
    const ts = await findInChannel(
      api,
      item,
      (message) =>
        message.metadata?.event_type === OUTBOX_EVENT && message.metadata.event_payload?.outbox_id === item.id,
    );
    return ts ? { channel: item.channel, ts } : undefined;
  } catch (error) {
    if (error instanceof SlackApiError) return undefined;
    throw error;
  }
}

async function post(api: SlackCalls, item: OutboxItem): Promise<Delivered> {
  const common = {
    channel: item.channel,
    text: item.text,
    thread_ts: item.threadTs,
    unfurl_links: item.unfurl,
    unfurl_media: item.unfurl,
    metadata: { event_type: OUTBOX_EVENT, event_payload: { outbox_id: item.id } },
  };
  if (item.postAt !== undefined) {
    const body = await api.call('chat.scheduleMessage', { ...common, post_at: item.postAt });
    return { channel: body.channel, scheduledMessageId: body.scheduled_message_id, postAt: Number(body.post_at) };
  }
  const body = await api.call('chat.postMessage', common);
  return { channel: body.channel, ts: body.ts };
}

/** What the first attempt of a send started from a page may use: its upload's progress and Cancel. */
export interface AttemptOptions {
  signal?: AbortSignal;
  onProgress?: (progress: UploadProgress) => void;
}

export const DISCARDED: WireError = {
  kind: 'internal',
  message: 'You cancelled the upload; nothing was shared there',
};

/** What attempts made together share: each account's context, and transactions for their writes. */
export interface Shared {
  contexts: AccountContexts;
  writes: OutboxWrites;
}

/**
 * One attempt at one outbox item. The item stays in the outbox until Slack confirmed it; an
 * attempt that ended without a clear answer first checks what Slack has, so nothing is sent twice.
 * An item discarded (or its upload cancelled) during the attempt stays gone. The caller tells the
 * pages (the outbox revision), once for all the attempts it makes together.
 */
export async function deliver(
  deps: Pick<OutboxDeps, 'items' | 'downloads' | 'now'>,
  item: OutboxItem,
  options: AttemptOptions,
  { contexts, writes }: Shared,
): Promise<SendResult> {
  const { items: store, now } = deps;
  const base = {
    key: `${item.accountId}:${item.channel}`,
    label: item.label,
    accountId: item.accountId,
    outboxId: item.id,
    channel: item.channel,
  };
  let api: SlackCalls | undefined;
  try {
    const context = await contexts(item.accountId);
    api = preferredCalls(context);
    await writes.put({ ...item, state: 'sending', attempts: item.attempts + 1 });
    const delivered = item.file
      ? await shareFile(deps, api, item, options)
      : ((item.unclear ? await findPosted(api, item) : undefined) ?? (await post(api, item)));
    // Slack's URLs become links a person clicks: only https ones on the workspace's Slack hosts.
    const slackUrl = (url: string | undefined) =>
      url && isSlackWebUrl(url, context.profile.baseUrl) ? url : undefined;
    const teamUrl = slackUrl(context.account.teamUrl);
    // Built from the workspace URL where it is known: a fan-out then costs one round trip per target.
    const permalink = slackUrl(
      delivered.permalink ??
        (!delivered.ts
          ? undefined
          : teamUrl
            ? permalinkFor(teamUrl, delivered.channel, delivered.ts, item.threadTs)
            : await permalinkOf(api, delivered.channel, delivered.ts)),
    );
    await writes.move(item.id, {
      id: item.id,
      accountId: item.accountId,
      teamName: context.account.teamName,
      channel: delivered.channel,
      label: item.label,
      text: item.file ? [item.file.filename, item.text].filter(Boolean).join('\n') : item.text,
      sentAt: now(),
      // A shared file is not a message of Courier's: the duplicate sweep has nothing to look for.
      ...(delivered.ts && !item.file ? { ts: delivered.ts } : {}),
      ...(delivered.scheduledMessageId
        ? { scheduledMessageId: delivered.scheduledMessageId, postAt: delivered.postAt }
        : {}),
      ...(permalink ? { permalink } : {}),
      ...(delivered.fileId ? { fileId: delivered.fileId } : {}),
      ...(delivered.abandonedFiles ? { abandonedFiles: delivered.abandonedFiles } : {}),
    });
    return {
      ...base,
      channel: delivered.channel,
      state: delivered.scheduledMessageId ? 'scheduled' : 'sent',
      ...(delivered.ts ? { ts: delivered.ts } : {}),
      ...(permalink ? { permalink } : {}),
      ...(delivered.scheduledMessageId
        ? { scheduledMessageId: delivered.scheduledMessageId, postAt: delivered.postAt }
        : {}),
    };
  } catch (error) {
    // The attempt may have stored more (a file's bytes, the file id it completes): keep that.
    const stored = await store.get(item.id);
    if (!stored || options.signal?.aborted) {
      if (stored) await store.delete(item.id);
      return { ...base, state: 'failed', error: DISCARDED };
    }
    const failure = classifyAttempt(error);
    const wire = toWireError(error);
    const attempts = item.attempts + 1;
    const next = waitForReconnect(
      afterFailure({ ...stored, attempts }, failure, error, wire.message, item.unclear === true, now()),
      wire,
    );
    wire.message = next.reason ?? wire.message;
    await writes.put(next);
    const canJoin = error instanceof SlackApiError && error.code === 'not_in_channel' && item.channel.startsWith('C');
    return {
      ...base,
      state: next.state === 'failed' ? 'failed' : 'queued',
      error: { ...wire, ...(canJoin ? { canJoin } : {}) },
      ...(next.state === 'pending' ? { nextAttemptAt: next.nextAttemptAt } : {}),
    };
  }
}

/**
 * A failure only a reconnect of the workspace can cure (revoked tokens, a missing scope) is marked
 * as such: reconnecting sends the item again by itself (Outbox.resumeReconnected).
 */
function waitForReconnect(next: OutboxItem, wire: WireError): OutboxItem {
  if (next.state !== 'failed' || (wire.kind !== 'needs_reconnect' && wire.kind !== 'missing_scope')) return next;
  return { ...next, waitsForReconnect: wire.scopes?.length ? { scopes: wire.scopes } : {} };
}

/** The item after a failed attempt: waiting for its next try, or for the person. */
function afterFailure(
  stored: OutboxItem,
  failure: AttemptFailure,
  error: unknown,
  reason: string,
  unclear: boolean,
  now: number,
): OutboxItem {
  if (failure.kind === 'terminal') return { ...stored, state: 'failed', reason };
  if (failure.kind === 'download') {
    if (failure.access) return { ...stored, state: 'failed', reason, needsAccess: failure.site };
    // The site is not Slack: an address that keeps failing is not retried forever.
    const tries = (stored.file?.downloadFailures ?? 0) + 1;
    const file = { ...stored.file!, downloadFailures: tries };
    return tries >= MAX_DOWNLOAD_TRIES
      ? {
          ...stored,
          file,
          state: 'failed',
          reason: `${reason} Courier tried ${tries} times; press Retry to try again.`,
        }
      : {
          ...stored,
          file,
          state: 'pending',
          reason: `${reason} Courier will try again.`,
          nextAttemptAt: now + backoffMs(tries),
        };
  }
  const afterMs = failure.kind === 'retry' ? (failure.afterMs ?? 0) : 0;
  return {
    ...stored,
    state: 'pending',
    // Courier tries again itself (the pages say when): "try again" is not the person's job.
    reason: whatHappened(error, reason),
    unclear: unclear || failure.kind === 'unclear',
    nextAttemptAt: now + Math.max(afterMs, backoffMs(stored.attempts, SERVER_FIRST_WAIT_MS)),
    ...(afterMs ? { notBefore: now + afterMs } : {}),
  };
}

async function permalinkOf(api: SlackCalls, channel: string, ts: string): Promise<string | undefined> {
  try {
    return (await api.call('chat.getPermalink', { channel, message_ts: ts })).permalink;
  } catch {
    // The message is sent; a missing link only hides "Open in Slack".
    return undefined;
  }
}
