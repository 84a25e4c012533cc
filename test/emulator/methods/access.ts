// Who may see, read and change which conversation: lookups by id, the scope a conversation's kind
// needs, and Slack's membership rules.
import { SlackError, str } from '../envelope';
import type { Conversation, Workspace } from '../model';
import type { MethodContext } from './types';

/** Public channels are visible to everyone in the workspace; the rest only to their members. */
export function visibleTo(conv: Conversation, userId: string): boolean {
  return conv.kind === 'public_channel' || conv.members.has(userId);
}

/**
 * A conversation by id, as the conversations.* methods take it. Slack does not reveal private
 * conversations to non-members, so those are channel_not_found too.
 */
export function findConversation(ctx: MethodContext, value = str(ctx.params, 'channel')): Conversation {
  const conv = value ? ctx.ws.conversationsById.get(value) : undefined;
  if (!conv || !visibleTo(conv, ctx.caller.id)) throw new SlackError('channel_not_found');
  return conv;
}

/** Fails with missing_scope unless the token holds one of the alternatives (the first is named). */
export function requireScope(ctx: MethodContext, alternatives: string[]): void {
  const granted = ctx.chain.scopes;
  if (alternatives.some((s) => granted.includes(s))) return;
  throw new SlackError('missing_scope', { needed: alternatives[0] ?? '', provided: granted.join(',') });
}

export function requireMember(ctx: MethodContext, conv: Conversation): void {
  if (!conv.members.has(ctx.caller.id)) throw new SlackError('not_in_channel');
}

/** Reading messages: a bot only where it is a member; a person also in any public channel. */
export function requireReader(ctx: MethodContext, conv: Conversation): void {
  if (ctx.chain.type === 'bot' || conv.kind !== 'public_channel') requireMember(ctx, conv);
}

export function requireNotArchived(conv: Conversation): void {
  if (conv.isArchived) throw new SlackError('is_archived');
}

/** A user of the workspace by id, for arguments naming one. */
export function findUser(ws: Workspace, id: string | undefined) {
  const user = id ? ws.usersById.get(id) : undefined;
  if (!user) throw new SlackError('user_not_found');
  return user;
}

/** Slack's ts: seconds, a dot and six digits of micros (also accepts plain seconds). */
export function isTs(value: string): boolean {
  return /^\d{1,10}(\.\d{1,6})?$/.test(value);
}

/** Normalises a ts argument for comparison ('123' → '0000000123.000000'). */
export function tsKey(value: string): string {
  const [seconds = '0', micros = ''] = value.split('.');
  return `${seconds.padStart(10, '0')}.${micros.padEnd(6, '0')}`;
}
