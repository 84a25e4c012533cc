// Changing conversations: conversations.create, rename, invite, kick, join and leave.
import { SlackError, bool, str } from '../envelope';
import { checkChannelName, nameTaken } from '../channel-names';
import type { Conversation, TokenType } from '../model';
import { ALL_KINDS, inviteScopes, manageScopes, union } from '../scopes';
import { conversationJson } from '../serialize';
import { addConversation, nextConversationId } from '../workspace';
import { findConversation, requireMember, requireNotArchived, requireScope } from './access';
import type { MethodContext, MethodDef } from './types';

const WRITE_SCOPES = ['channels:manage', 'channels:write', 'groups:write', 'im:write', 'mpim:write'];

function manageAny(type: TokenType): string[] {
  return ALL_KINDS.map((kind) => manageScopes(kind, type)).reduce(union, []);
}

function channelOnly(conv: Conversation): void {
  if (conv.kind !== 'public_channel' && conv.kind !== 'private_channel') {
    throw new SlackError('method_not_supported_for_channel_type');
  }
}

function json(ctx: MethodContext, conv: Conversation): Record<string, unknown> {
  return conversationJson(ctx.ws, conv, { viewerId: ctx.caller.id, withMembership: true });
}

interface InviteFailure {
  user: string;
  ok: false;
  error: string;
}

function inviteFailure(ctx: MethodContext, conv: Conversation, id: string): InviteFailure | undefined {
  const user = ctx.ws.usersById.get(id);
  const fail = (error: string): InviteFailure => ({ user: id, ok: false, error });
  if (!user) return fail('user_not_found');
  if (user.deleted) return fail('cant_invite');
  if (user.id === ctx.caller.id) return fail('cant_invite_self');
  if (conv.members.has(user.id)) return fail('already_in_channel');
  return undefined;
}

export const conversationAdminMethods: MethodDef[] = [
  {
    name: 'conversations.create',
    tier: 2,
    auth: 'token',
    scopes: (params, type) => (bool(params, 'is_private') ? ['groups:write'] : manageScopes('public_channel', type)),
    accepted: WRITE_SCOPES,
    handler: (ctx) => {
      const name = checkChannelName(str(ctx.params, 'name'));
      if (nameTaken(ctx.ws, name)) throw new SlackError('name_taken');
      const kind = bool(ctx.params, 'is_private') ? 'private_channel' : 'public_channel';
      const conv = addConversation(ctx.ws, {
        id: nextConversationId(ctx.ws, kind),
        teamId: ctx.ws.id,
        kind,
        name,
        created: Math.floor(ctx.state.now() / 1000),
        creator: ctx.caller.id,
        isArchived: false,
        isGeneral: false,
        topic: '',
        purpose: '',
        members: new Set([ctx.caller.id]),
      });
      const channel = json(ctx, conv);
      delete channel.num_members;
      Object.assign(channel, {
        last_read: '0000000000.000000',
        latest: null,
        unread_count: 0,
        unread_count_display: 0,
        priority: 0,
      });
      return { channel };
    },
  },
  {
    name: 'conversations.rename',
    tier: 2,
    auth: 'token',
    scopes: () => [],
    anyOf: manageAny,
    accepted: WRITE_SCOPES,
    handler: (ctx) => {
      const conv = findConversation(ctx);
      channelOnly(conv);
      requireScope(ctx, manageScopes(conv.kind, ctx.chain.type));
      requireNotArchived(conv);
      requireMember(ctx, conv);
      // A bot with the manage scope may rename where it is a member; a person must be the creator or an admin.
      if (ctx.chain.type === 'user' && conv.creator !== ctx.caller.id && !ctx.caller.isAdmin) {
        throw new SlackError('not_authorized');
      }
      const name = checkChannelName(str(ctx.params, 'name'));
      if (name !== conv.name) {
        if (nameTaken(ctx.ws, name)) throw new SlackError('name_taken');
        conv.previousNames = [...(conv.previousNames ?? []), conv.name];
        conv.name = name;
      }
      return { channel: json(ctx, conv) };
    },
  },
  {
    name: 'conversations.invite',
    tier: 3,
    auth: 'token',
    scopes: () => [],
    anyOf: (type) => union(inviteScopes('public_channel', type), inviteScopes('private_channel', type)),
    accepted: ['channels:write.invites', 'groups:write.invites', ...WRITE_SCOPES],
    handler: (ctx) => {
      const conv = findConversation(ctx);
      channelOnly(conv);
      requireScope(ctx, inviteScopes(conv.kind, ctx.chain.type));
      requireNotArchived(conv);
      requireMember(ctx, conv);
      const ids = [...new Set((str(ctx.params, 'users') ?? '').split(',').map((id) => id.trim()))].filter(Boolean);
      if (ids.length === 0) throw new SlackError('no_user');
      const errors = ids.flatMap((id) => inviteFailure(ctx, conv, id) ?? []);
      const first = errors[0];
      // Without force, one bad id fails the whole call; with it, the valid ids are still invited.
      if (first && !bool(ctx.params, 'force')) throw new SlackError(first.error, { errors });
      for (const id of ids) if (!errors.some((e) => e.user === id)) conv.members.add(id);
      return errors.length > 0 ? { channel: json(ctx, conv), errors } : { channel: json(ctx, conv) };
    },
  },
  {
    name: 'conversations.kick',
    tier: 3,
    auth: 'token',
    scopes: () => [],
    anyOf: (type) => union(manageScopes('public_channel', type), manageScopes('private_channel', type)),
    accepted: WRITE_SCOPES,
    handler: (ctx) => {
      const conv = findConversation(ctx);
      channelOnly(conv);
      requireScope(ctx, manageScopes(conv.kind, ctx.chain.type));
      const user = ctx.ws.usersById.get(str(ctx.params, 'user') ?? '');
      if (!user) throw new SlackError('user_not_found');
      if (user.id === ctx.caller.id) throw new SlackError('cant_kick_self');
      if (conv.isGeneral) throw new SlackError('cant_kick_from_general');
      requireMember(ctx, conv);
      if (!conv.members.has(user.id)) throw new SlackError('not_in_channel');
      conv.members.delete(user.id);
      return { errors: {} };
    },
  },
  {
    name: 'conversations.join',
    tier: 3,
    auth: 'token',
    scopes: (_params, type) => (type === 'bot' ? ['channels:join'] : ['channels:write']),
    accepted: ['channels:join', 'channels:write'],
    handler: (ctx) => {
      const conv = ctx.ws.conversationsById.get(str(ctx.params, 'channel') ?? '');
      if (!conv) throw new SlackError('channel_not_found');
      // Only public channels can be joined; Slack says so even for private ones the caller cannot see.
      if (conv.kind !== 'public_channel') throw new SlackError('method_not_supported_for_channel_type');
      requireNotArchived(conv);
      if (conv.members.has(ctx.caller.id)) ctx.request.warnings.push('already_in_channel');
      conv.members.add(ctx.caller.id);
      return { channel: json(ctx, conv) };
    },
  },
  {
    name: 'conversations.leave',
    tier: 3,
    auth: 'token',
    scopes: () => [],
    anyOf: manageAny,
    accepted: WRITE_SCOPES,
    handler: (ctx) => {
      const conv = findConversation(ctx);
      if (conv.kind === 'im') throw new SlackError('method_not_supported_for_channel_type');
      requireScope(ctx, manageScopes(conv.kind, ctx.chain.type));
      if (conv.isGeneral) throw new SlackError('cant_leave_general');
      requireNotArchived(conv);
      // Slack's docs show {ok:false, not_in_channel:true}; the error code is added so clients see a failure.
      if (!conv.members.has(ctx.caller.id)) throw new SlackError('not_in_channel', { not_in_channel: true });
      if (conv.kind !== 'public_channel' && conv.members.size === 1) throw new SlackError('last_member');
      conv.members.delete(ctx.caller.id);
      return {};
    },
  },
];
