// One conversation: conversations.info and conversations.members.
import { bool } from '../envelope';
import { paginate } from '../pagination';
import { kindScope } from '../scopes';
import { conversationJson } from '../serialize';
import { findConversation, requireScope } from './access';
import type { MethodDef } from './types';

const READ_SCOPES = ['channels:read', 'groups:read', 'mpim:read', 'im:read'];

export const conversationInfoMethods: MethodDef[] = [
  {
    name: 'conversations.info',
    tier: 3,
    auth: 'token',
    scopes: () => [],
    anyOf: () => READ_SCOPES,
    accepted: READ_SCOPES,
    handler: (ctx) => {
      const conv = findConversation(ctx);
      requireScope(ctx, [kindScope(conv.kind, 'read')]);
      const channel = conversationJson(ctx.ws, conv, { viewerId: ctx.caller.id, withMembership: true });
      if (bool(ctx.params, 'include_num_members')) channel.num_members = conv.members.size;
      else delete channel.num_members;
      if (bool(ctx.params, 'include_locale')) channel.locale = 'en-US';
      return { channel };
    },
  },
  {
    name: 'conversations.members',
    tier: 4,
    auth: 'token',
    scopes: () => [],
    anyOf: () => READ_SCOPES,
    accepted: READ_SCOPES,
    handler: (ctx) => {
      const conv = findConversation(ctx);
      requireScope(ctx, [kindScope(conv.kind, 'read')]);
      const page = paginate([...conv.members], (id) => id, ctx.params, {
        prefix: 'user_id',
        defaultLimit: 100,
        maxLimit: 1000,
      });
      return { members: page.items, response_metadata: { next_cursor: page.nextCursor } };
    },
  },
];
