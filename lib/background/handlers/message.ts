import { accountContext } from '../../actions/account-context';
import { deleteMessage, updateMessage } from '../../actions/messages';
import { runAction } from '../../actions/runner';
import type { Handlers } from '../../messaging/router';
import { bumpRevision } from '../../platform/revision';
import type { MessageAt } from '../../store/history';
import type { Services } from '../services';

/**
 * Keeps History true to Slack after an edit or a delete, whichever page did it (the popup's result,
 * History itself): an edited entry shows its new text, a removed one stays as removed, without the
 * actions that no longer apply.
 */
async function followInHistory(
  { store }: Services,
  at: MessageAt,
  change: { text: string } | { removed: true },
  now = Date.now(),
): Promise<void> {
  const entries = await store.history.at(at);
  if (entries.length === 0) return;
  for (const entry of entries) {
    await store.history.put(
      'text' in change ? { ...entry, text: change.text, editedAt: now } : { ...entry, removedAt: now },
    );
  }
  await bumpRevision('outbox');
}

export function messageHandlers(
  services: () => Promise<Services>,
): Pick<Handlers, 'message.update' | 'message.delete'> {
  return {
    'message.update': async ({ accountId, channel, ts, text }) => {
      const all = await services();
      await runAction(updateMessage, { channel, ts, text }, (await accountContext(all, accountId)).runner);
      await followInHistory(all, { accountId, channel, ts }, { text });
      return null;
    },
    'message.delete': async ({ accountId, channel, ts }) => {
      const all = await services();
      await runAction(deleteMessage, { channel, ts }, (await accountContext(all, accountId)).runner);
      await followInHistory(all, { accountId, channel, ts }, { removed: true });
      return null;
    },
  };
}
