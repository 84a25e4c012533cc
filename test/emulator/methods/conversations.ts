import type { Params } from '../envelope';
import { SlackError, bool, str } from '../envelope';
import type { Conversation, ConversationKind } from '../model';
import { paginate } from '../pagination';
import { kindScope } from '../scopes';
import { conversationJson } from '../serialize';
import { visibleTo } from './access';
import type { MethodContext, MethodDef } from './types';

const KINDS: readonly ConversationKind[] = ['public_channel', 'private_channel', 'mpim', 'im'];
const READ_SCOPES = ['channels:read', 'groups:read', 'mpim:read', 'im:read'];

function readTypes(params: Params): ConversationKind[] {
  const raw = str(params, 'types');
  if (!raw) return ['public_channel'];
  const types = raw.split(',').map((t) => t.trim());
  if (!types.every((t): t is ConversationKind => (KINDS as readonly string[]).includes(t))) {
    throw new SlackError('invalid_types');
  }
  return types;
}

function listed(ctx: MethodContext, memberId: string | undefined): Conversation[] {
  const types = new Set(readTypes(ctx.params));
  const excludeArchived = bool(ctx.params, 'exclude_archived');
  return ctx.ws.conversations.filter(
    (c) =>
      types.has(c.kind) &&
      visibleTo(c, ctx.caller.id) &&
      (memberId === undefined || c.members.has(memberId)) &&
      !(excludeArchived && c.isArchived),
  );
}

export const conversationMethods: MethodDef[] = [
  {
    name: 'conversations.list',
    tier: 2,
    auth: 'token',
    scopes: (params) => readTypes(params).map((kind) => kindScope(kind, 'read')),
    accepted: READ_SCOPES,
    handler: (ctx) => {
      const page = paginate(listed(ctx, undefined), (c) => c.id, ctx.params, {
        prefix: 'team',
        defaultLimit: 100,
        maxLimit: 1000,
      });
      return {
        channels: page.items.map((c) => conversationJson(ctx.ws, c, { viewerId: ctx.caller.id, withMembership: true })),
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
  {
    name: 'users.conversations',
    tier: 3,
    auth: 'token',
    scopes: (params) => readTypes(params).map((kind) => kindScope(kind, 'read')),
    accepted: READ_SCOPES,
    handler: (ctx) => {
      const userId = str(ctx.params, 'user') ?? ctx.caller.id;
      if (!ctx.ws.usersById.has(userId)) throw new SlackError('user_not_found');
      const page = paginate(listed(ctx, userId), (c) => c.id, ctx.params, {
        prefix: 'team',
        defaultLimit: 100,
        maxLimit: 999,
      });
      return {
        channels: page.items.map((c) =>
          conversationJson(ctx.ws, c, { viewerId: ctx.caller.id, withMembership: false }),
        ),
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
];
