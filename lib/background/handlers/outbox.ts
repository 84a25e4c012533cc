import { CourierFailure } from '../../errors';
import type { Handlers } from '../../messaging/router';
import { readyAgain } from '../../outbox/ready';
import { bumpRevision } from '../../platform/revision';
import type { Services } from '../services';

export function outboxHandlers(
  services: () => Promise<Services>,
): Pick<Handlers, 'outbox.list' | 'outbox.retry' | 'outbox.retryNow' | 'outbox.discard' | 'outbox.edit'> {
  return {
    'outbox.list': async () => {
      const { store } = await services();
      const items = await store.outbox.list();
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
