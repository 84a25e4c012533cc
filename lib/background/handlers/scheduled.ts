import { accountContext, preferredCalls } from '../../actions/account-context';
import { runAction } from '../../actions/runner';
import { deleteScheduledMessage } from '../../actions/scheduled';
import { targetsOf } from '../../directory/columns';
import { isCurrent } from '../../directory/refresh';
import { toWireError } from '../../errors';
import type { Handlers } from '../../messaging/router';
import type { ScheduledView, UnreadList } from '../../protocol';
import type { Account } from '../../store/records';
import type { Services } from '../services';

export function scheduledHandlers(
  services: () => Promise<Services>,
): Pick<Handlers, 'scheduled.list' | 'scheduled.cancel'> {
  return {
    'scheduled.list': async () => {
      const all = await services();
      const items: ScheduledView[] = [];
      const unread: UnreadList[] = [];
      for (const account of await all.store.accounts.list()) {
        const cannot = (why: string) => unread.push({ accountId: account.id, teamName: account.teamName, reason: why });
        const read = `${account.teamName}'s scheduled messages`;
        if (account.status === 'needs_reconnect') {
          cannot(`Courier can't read ${read} until it reconnects.`);
          continue;
        }
        try {
          items.push(...(await scheduledOf(all, account)));
        } catch (error) {
          const wire = toWireError(error);
          cannot(
            wire.kind === 'needs_reconnect'
              ? `Courier can't read ${read} until it reconnects.`
              : `Courier can't read ${read}: ${wire.message}`,
          );
        }
      }
      return { items: items.sort((a, b) => a.postAt - b.postAt), unread };
    },
    'scheduled.cancel': async ({ accountId, channel, id }) => {
      const { runner } = await accountContext(await services(), accountId);
      await runAction(deleteScheduledMessage, { channel, scheduled_message_id: id }, runner);
      return null;
    },
  };
}

/** One workspace's scheduled messages, labelled from its directory where it is current. */
async function scheduledOf(all: Services, account: Account): Promise<ScheduledView[]> {
  const views: ScheduledView[] = [];
  const context = await accountContext(all, account.id);
  const directory = await all.store.directory.get(account.id);
  const names = new Map(isCurrent(directory) ? targetsOf(directory).map((target) => [target.id, target.name]) : []);
  const api = preferredCalls(context);
  for await (const message of api.paginate('chat.scheduledMessages.list', {}, { itemsKey: 'scheduled_messages' })) {
    const name = names.get(message.channel_id);
    views.push({
      accountId: account.id,
      teamName: account.teamName,
      id: String(message.id),
      channel: message.channel_id,
      label: name ? `#${name}` : message.channel_id,
      postAt: Number(message.post_at),
      text: message.text ?? '',
    });
  }
  return views;
}
