import { readyAgain } from '../outbox/ready';
import { CourierFailure } from '../errors';
import { parseThreadLink, type ThreadRef } from '../share/thread-link';
import { bumpRevision } from '../platform/revision';
import { accountContext } from '../actions/account-context';
import { preferredCalls } from '../actions/account-context';
import { followInHistory } from './history-follow';
import type { Handlers } from './router';
import { reachedTargets, sendShareNow } from '../outbox/send-share';
import { rememberTargets } from '../platform/recents';
import type { Services } from './services';

/** The thread a pasted message link names, or undefined without one; a bad link is refused. */
export function threadFrom(threadLink: string | undefined): ThreadRef | undefined {
  if (!threadLink?.trim()) return undefined;
  const thread = parseThreadLink(threadLink);
  if (!thread) {
    throw new CourierFailure(
      'invalid_input',
      'That is not a Slack message link. In Slack, use "Copy link" on the message and paste it here.',
    );
  }
  return thread;
}

export function sendHandlers(
  services: () => Promise<Services>,
): Pick<
  Handlers,
  | 'send'
  | 'message.update'
  | 'message.delete'
  | 'conversation.join'
  | 'outbox.list'
  | 'outbox.retry'
  | 'outbox.retryNow'
  | 'outbox.discard'
  | 'outbox.edit'
> {
  return {
    send: async ({ targets, share, threadLink, postAt, unfurl }) => {
      if (targets.length === 0)
        throw new CourierFailure('invalid_input', 'Choose at least one channel or person to send to.');
      const thread = threadFrom(threadLink);
      if (postAt !== undefined && postAt * 1000 <= Date.now()) {
        throw new CourierFailure('invalid_input', 'The scheduled time is in the past. Pick a later date and time.');
      }
      const results = await sendShareNow((await services()).outbox, share, targets, {
        ...(thread ? { thread } : {}),
        ...(postAt !== undefined ? { postAt } : {}),
        unfurl,
      });
      await rememberTargets(reachedTargets(targets, results));
      return results;
    },

    'message.update': async ({ accountId, channel, ts, text }) => {
      const all = await services();
      await preferredCalls(await accountContext(all, accountId)).call('chat.update', { channel, ts, text });
      await followInHistory(all.store.db, { accountId, channel, ts }, { text });
      return null;
    },
    'message.delete': async ({ accountId, channel, ts }) => {
      const all = await services();
      await preferredCalls(await accountContext(all, accountId)).call('chat.delete', { channel, ts });
      await followInHistory(all.store.db, { accountId, channel, ts }, { removed: true });
      return null;
    },
    'conversation.join': async ({ accountId, channel }) => {
      const context = await accountContext(await services(), accountId);
      await preferredCalls(context).call('conversations.join', { channel });
      return null;
    },

    'outbox.list': async () => {
      const { store } = await services();
      const items = await store.db.getAll('outbox');
      return items
        .sort((a, b) => a.createdAt - b.createdAt)
        .map(({ id, accountId, channel, label, text, state, reason, createdAt, attempts, file, ...item }) => ({
          id,
          accountId,
          channel,
          label,
          text,
          state,
          createdAt,
          attempts,
          ...(reason ? { reason } : {}),
          ...(item.needsAccess ? { needsAccess: item.needsAccess } : {}),
          ...(item.waitsForReconnect ? { waitsForReconnect: true } : {}),
          ...(state === 'pending' ? { nextAttemptAt: item.nextAttemptAt } : {}),
          ...(file ? { file: { name: file.filename, ...(file.blob ? { size: file.blob.size } : {}) } } : {}),
        }));
    },
    'outbox.retry': async ({ id }) => {
      const { outbox } = await services();
      const item = await outbox.update(id, (current) => readyAgain(current, Date.now()));
      if (!item) return null;
      await bumpRevision('outbox');
      void outbox.drain();
      return null;
    },
    'outbox.edit': async ({ id, text, target }) => {
      const { outbox } = await services();
      const item = await outbox.update(id, (current) => {
        // A file may go without a comment; a message needs its text.
        if (!text.trim() && !current.file)
          throw new CourierFailure('invalid_input', 'The message is empty. Type something or discard it.');
        return {
          ...readyAgain(current, Date.now()),
          text,
          ...(target
            ? { accountId: target.accountId, channel: target.id, label: target.label, threadTs: undefined }
            : {}),
          // A new text or target is a new message: nothing of it can be in Slack yet.
          unclear: false,
        };
      });
      if (!item) return null;
      await bumpRevision('outbox');
      void outbox.drain();
      return null;
    },
    'outbox.retryNow': async () => ({ delivered: await (await services()).outbox.retryNow() }),
    'outbox.discard': async ({ id }) => {
      await (await services()).outbox.discard(id);
      return null;
    },
  };
}
