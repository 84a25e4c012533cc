// conversations.open: the DM with one person, or the group DM (mpim) of up to eight others.
import { SlackError, bool, str } from '../envelope';
import type { Conversation, User } from '../model';
import { conversationJson } from '../serialize';
import { addConversation, findIm, nextConversationId, openIm } from '../workspace';
import { requireScope } from './access';
import type { MethodContext, MethodDef } from './types';

const MAX_OTHERS = 8;

function readUsers(ctx: MethodContext, raw: string): User[] {
  const ids = [...new Set(raw.split(',').map((id) => id.trim()))].filter(Boolean);
  if (ids.length === 0) throw new SlackError('users_list_not_supplied');
  const users = ids.map((id) => {
    const user = ctx.ws.usersById.get(id);
    if (!user) throw new SlackError('user_not_found');
    if (user.deleted) throw new SlackError('user_disabled');
    return user;
  });
  const others = users.filter((u) => u.id !== ctx.caller.id);
  if (others.length > MAX_OTHERS) throw new SlackError('too_many_users');
  // A person may open the DM with themself; a bot has no such DM.
  if (others.length === 0 && ctx.chain.type === 'bot') throw new SlackError('not_enough_users');
  return others;
}

function findMpim(ctx: MethodContext, members: Set<string>): Conversation | undefined {
  return ctx.ws.conversations.find(
    (c) => c.kind === 'mpim' && c.members.size === members.size && [...members].every((id) => c.members.has(id)),
  );
}

function createMpim(ctx: MethodContext, people: User[]): Conversation {
  const members = new Set([ctx.caller.id, ...people.map((u) => u.id)]);
  const handles = [ctx.caller, ...people].map((u) => u.name).sort();
  const now = Math.floor(ctx.state.now() / 1000);
  return addConversation(ctx.ws, {
    id: nextConversationId(ctx.ws, 'mpim'),
    teamId: ctx.ws.id,
    kind: 'mpim',
    name: `mpdm-${handles.join('--')}-1`,
    created: now,
    creator: ctx.caller.id,
    isArchived: false,
    isGeneral: false,
    topic: 'Group messaging',
    purpose: `Group messaging with: ${handles.map((h) => `@${h}`).join(' ')}`,
    members,
  });
}

function imJson(ctx: MethodContext, conv: Conversation): Record<string, unknown> {
  const json = conversationJson(ctx.ws, conv, { viewerId: ctx.caller.id, withMembership: true });
  const extra = { last_read: '0000000000.000000', latest: null, unread_count: 0, unread_count_display: 0 };
  return { ...json, ...extra, is_open: true, priority: 0 };
}

export const conversationOpenMethods: MethodDef[] = [
  {
    name: 'conversations.open',
    tier: 3,
    auth: 'token',
    scopes: () => [],
    anyOf: () => ['im:write', 'mpim:write'],
    accepted: ['im:write', 'mpim:write'],
    handler: (ctx) => {
      const channelId = str(ctx.params, 'channel');
      const rawUsers = str(ctx.params, 'users');
      let conv: Conversation | undefined;
      let existed = true;
      if (rawUsers === undefined && channelId !== undefined) {
        conv = ctx.ws.conversationsById.get(channelId);
        if (!conv || !conv.members.has(ctx.caller.id)) throw new SlackError('channel_not_found');
        if (conv.kind !== 'im' && conv.kind !== 'mpim') throw new SlackError('method_not_supported_for_channel_type');
      } else {
        const others = readUsers(ctx, rawUsers ?? '');
        const single = others.length <= 1;
        requireScope(ctx, [single ? 'im:write' : 'mpim:write']);
        const target = others[0] ?? ctx.caller;
        const members = new Set([ctx.caller.id, ...others.map((u) => u.id)]);
        conv = single ? findIm(ctx.ws, ctx.caller.id, target.id) : findMpim(ctx, members);
        if (!conv) {
          if (bool(ctx.params, 'prevent_creation')) throw new SlackError('channel_not_found');
          existed = false;
          const now = Math.floor(ctx.state.now() / 1000);
          conv = single ? openIm(ctx.ws, ctx.caller.id, target.id, now) : createMpim(ctx, others);
        }
      }
      const flags = existed ? { no_op: true, already_open: true } : {};
      const full = bool(ctx.params, 'return_im') && conv.kind === 'im';
      return { ...flags, channel: full ? imJson(ctx, conv) : { id: conv.id } };
    },
  },
];
