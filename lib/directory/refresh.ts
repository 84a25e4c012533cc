import { callsFor, preferredKind, type AccountContexts } from '../actions/account-context';
import type { Conversation as SlackConversation, SlackUser } from '../slack/schemas';
import type { AccountsRepo } from '../store/accounts';
import type { DirectoryRepo } from '../store/directory';
import type { DirectoryRecord } from '../store/sending-records';
import { DIRECTORY_FORMAT, toColumns, type DirectoryColumns } from './columns';
import type { Target } from './target';
import { targetKey } from './target';

/** What a refresh reads and writes; the background wires it (no browser API here). */
export interface DirectoryDeps {
  accounts: Pick<AccountsRepo, 'list'>;
  directory: DirectoryRepo;
  contextOf: AccountContexts;
  /** Tells the open pages that a directory changed. */
  changed: () => Promise<void>;
  now: () => number;
}

/** A directory younger than this is fresh enough; the popup never waits for a refresh anyway. */
export const DIRECTORY_MAX_AGE_MS = 15 * 60_000;
const TYPE_SCOPES: [type: string, scope: string][] = [
  ['public_channel', 'channels:read'],
  ['private_channel', 'groups:read'],
  ['mpim', 'mpim:read'],
  ['im', 'im:read'],
];

/** Pages as large as Slack allows for these reads: fewer requests inside the tier budget. */
const PAGE_SIZE = 1000;

/** Slack's conversation and user objects, as their schemas (lib/slack/schemas) parse them. */
export type { Conversation as SlackConversation, SlackUser } from '../slack/schemas';

function conversationKind(conversation: SlackConversation): Target['kind'] {
  if (conversation.is_im) return 'im';
  if (conversation.is_mpim) return 'mpim';
  return conversation.is_private ? 'private' : 'channel';
}

/**
 * Reads one workspace's channels, memberships, DMs and people, in large pages that the client's
 * budget spaces out within Slack's tiers, and replaces its cached directory in one write.
 */
export function refreshDirectory(deps: DirectoryDeps, accountId: string): Promise<DirectoryRecord> {
  // One fill per workspace at a time: linking starts one, and the popup may ask for another.
  let running = inFlight.get(accountId);
  if (!running) {
    running = fillDirectory(deps, accountId).finally(() => inFlight.delete(accountId));
    inFlight.set(accountId, running);
  }
  return running;
}

const inFlight = new Map<string, Promise<DirectoryRecord>>();

async function fillDirectory(deps: DirectoryDeps, accountId: string): Promise<DirectoryRecord> {
  const context = await deps.contextOf(accountId);
  const kind = preferredKind(context);
  const api = callsFor(context, kind);
  const { account } = context;
  // Ask only for the conversation types the token may read: Slack refuses the whole call otherwise.
  const granted = new Set(kind === 'bot' ? account.botScopes : account.userScopes);
  const types = TYPE_SCOPES.filter(([, scope]) => granted.has(scope)).map(([type]) => type);

  const users = new Map<string, SlackUser>();
  if (granted.has('users:read')) {
    for await (const member of api.paginate('users.list', {}, { itemsKey: 'members', pageSize: PAGE_SIZE })) {
      if (!member.deleted) users.set(member.id, member);
    }
  }
  const conversations = new Map<string, SlackConversation>();
  const channelTypes = types.filter((type) => type.endsWith('channel'));
  if (channelTypes.length) {
    const list = api.paginate(
      'conversations.list',
      { types: channelTypes.join(','), exclude_archived: true },
      { itemsKey: 'channels', pageSize: PAGE_SIZE },
    );
    for await (const channel of list) conversations.set(channel.id, channel);
  }
  // Membership, private channels the token is in, and its DMs come from users.conversations.
  if (types.length) {
    const mine = api.paginate(
      'users.conversations',
      { types: types.join(','), exclude_archived: true },
      { itemsKey: 'channels', pageSize: PAGE_SIZE },
    );
    for await (const conversation of mine) {
      conversations.set(conversation.id, { ...conversations.get(conversation.id), ...conversation, is_member: true });
    }
  }

  return storeDirectory(deps, {
    accountId,
    teamName: account.teamName,
    refreshedAt: deps.now(),
    targets: targetsFrom(accountId, account.teamName, users.values(), conversations.values()),
  });
}

/** The picker's targets of one workspace: its live conversations (DMs named after the person), then its people. */
export function targetsFrom(
  accountId: string,
  teamName: string,
  users: Iterable<SlackUser>,
  conversations: Iterable<SlackConversation>,
): Target[] {
  const people = new Map<string, SlackUser>();
  for (const user of users) if (!user.deleted) people.set(user.id, user);
  const targets: Target[] = [];
  for (const conversation of conversations) {
    if (conversation.is_archived) continue;
    const kind = conversationKind(conversation);
    const partner = conversation.user ? people.get(conversation.user) : undefined;
    const name =
      kind === 'im' ? (partner?.name ?? conversation.user ?? conversation.id) : (conversation.name ?? conversation.id);
    targets.push({
      key: targetKey(accountId, conversation.id),
      accountId,
      teamName,
      id: conversation.id,
      kind,
      name,
      ...(kind === 'im' && partner?.profile?.real_name ? { realName: partner.profile.real_name } : {}),
      isMember: conversation.is_member === true,
    });
  }
  for (const user of people.values()) {
    if (user.is_bot || user.id === 'USLACKBOT') continue;
    targets.push({
      key: targetKey(accountId, user.id),
      accountId,
      teamName,
      id: user.id,
      kind: 'user',
      name: user.name ?? user.id,
      ...(user.profile?.real_name || user.real_name ? { realName: user.profile?.real_name ?? user.real_name } : {}),
      ...(user.profile?.display_name ? { displayName: user.profile.display_name } : {}),
    });
  }
  return targets;
}

/** Replaces one workspace's cached directory, stored as columns (one quick read for the popup), and tells open pages. */
export async function storeDirectory(
  deps: Pick<DirectoryDeps, 'directory' | 'changed'>,
  directory: Omit<DirectoryRecord, keyof DirectoryColumns> & { targets: readonly Target[] },
): Promise<DirectoryRecord> {
  const { targets, ...workspace } = directory;
  const record: DirectoryRecord = { ...workspace, ...toColumns(targets) };
  await deps.directory.put(record);
  await deps.changed();
  return record;
}

/** A cached directory in the format this version reads; anything else is as good as missing. */
export function isCurrent(record: DirectoryRecord | undefined): record is DirectoryRecord {
  return record?.format === DIRECTORY_FORMAT;
}

/** Refreshes every linked workspace whose directory is missing or stale, one after another. */
export async function refreshStaleDirectories(deps: DirectoryDeps, force = false): Promise<number> {
  const accounts = await deps.accounts.list();
  const refreshedAt = await deps.directory.stamps(DIRECTORY_FORMAT);
  let refreshed = 0;
  for (const account of accounts) {
    if (account.status === 'needs_reconnect') continue;
    const stamp = refreshedAt.get(account.id);
    if (!force && stamp !== undefined && deps.now() - stamp < DIRECTORY_MAX_AGE_MS) continue;
    try {
      await refreshDirectory(deps, account.id);
      refreshed++;
    } catch (error) {
      // The old cache stays usable; the next popup or picker opening tries again.
      console.warn(
        `Courier: the directory of ${account.teamName} could not be refreshed:`,
        error instanceof Error ? error.name : 'error',
      );
    }
  }
  return refreshed;
}
