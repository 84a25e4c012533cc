import { CourierFailure, toWireError } from '../errors';
import type { PresenceView, ScheduledView, UnreadList } from '../protocol';
import { accountContext } from '../actions/account-context';
import { callsFor, preferredCalls } from '../actions/account-context';
import { targetsOf } from '../directory/columns';
import { isCurrent, refreshStaleDirectories } from './directory';
import type { Account } from '../store/records';
import type { Handlers } from './router';
import type { Services } from './services';

async function presenceOf(services: Services, accountId: string): Promise<PresenceView> {
  const context = await accountContext(services, accountId);
  const canSet = context.runner.chains.user && context.account.userScopes.includes('users:write');
  const base = { accountId, teamName: context.account.teamName, canSet };
  try {
    const kind = context.runner.chains.user ? 'user' : 'bot';
    const user = kind === 'user' ? context.account.authedUserId : undefined;
    const body = await callsFor(context, kind).call('users.getPresence', user ? { user } : {});
    return { ...base, presence: body.presence === 'away' ? 'away' : 'active' };
  } catch (error) {
    return { ...base, presence: 'unknown', error: toWireError(error).message };
  }
}

export function quickHandlers(
  services: () => Promise<Services>,
): Pick<Handlers, 'presence.list' | 'presence.set' | 'scheduled.list' | 'scheduled.cancel' | 'directory.refresh'> {
  return {
    'presence.list': async () => {
      const all = await services();
      const accounts = (await all.store.accounts.list()).filter((account) => account.status !== 'needs_reconnect');
      return Promise.all(accounts.map((account) => presenceOf(all, account.id)));
    },
    'presence.set': async ({ accountId, presence }) => {
      const all = await services();
      const context = await accountContext(all, accountId);
      if (!context.runner.chains.user || !context.account.userScopes.includes('users:write')) {
        throw new CourierFailure(
          'missing_scope',
          `Setting presence needs a user token with the users:write scope. Reconnect ${context.account.teamName} with it.`,
        );
      }
      await callsFor(context, 'user').call('users.setPresence', { presence });
      return presenceOf(all, accountId);
    },
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
      const context = await accountContext(await services(), accountId);
      await preferredCalls(context).call('chat.deleteScheduledMessage', {
        channel,
        scheduled_message_id: id,
      });
      return null;
    },
    'directory.refresh': async ({ force }) => ({
      refreshed: await refreshStaleDirectories(await services(), force === true),
    }),
  };
}

/** One workspace's scheduled messages, labelled from its directory where it is current. */
async function scheduledOf(all: Services, account: Account): Promise<ScheduledView[]> {
  const views: ScheduledView[] = [];
  const context = await accountContext(all, account.id);
  const directory = await all.store.db.get('directory', account.id);
  const names = new Map(isCurrent(directory) ? targetsOf(directory).map((target) => [target.id, target.name]) : []);
  const api = preferredCalls(context);
  for await (const entry of api.paginate('chat.scheduledMessages.list', {}, { itemsKey: 'scheduled_messages' })) {
    const message = entry as { id: string; channel_id: string; post_at: number; text?: string };
    const name = names.get(message.channel_id);
    views.push({
      accountId: account.id,
      teamName: account.teamName,
      id: message.id,
      channel: message.channel_id,
      label: name ? `#${name}` : message.channel_id,
      postAt: Number(message.post_at),
      text: message.text ?? '',
    });
  }
  return views;
}
