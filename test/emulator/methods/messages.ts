// Changing and pointing at messages: chat.update, chat.delete, chat.postEphemeral, chat.getPermalink,
// reactions.add.
import { SlackError, str } from '../envelope';
import type { Conversation, Message } from '../model';
import { isReply, messageJson } from '../message-json';
import { findConversation, requireNotArchived, requireReader } from './access';
import { authorFields, checkCanPost, readContent, resolveTarget } from './posting';
import type { MethodContext, MethodDef } from './types';

// Table B: chat.update text is limited to 4 000 characters (msg_too_long).
const UPDATE_MAX_TEXT = 4000;
// reactions.add's method page: too_many_emoji past 23 distinct emoji, too_many_reactions past 50 per person.
const MAX_EMOJI = 23;
const MAX_REACTIONS_PER_USER = 50;
const EMOJI_NAME = /^[a-z0-9_+'-]+(::skin-tone-[2-6])?$/;

function addReaction(ctx: MethodContext, message: Message, name: string): void {
  const reactions = (message.reactions ??= []);
  const existing = reactions.find((reaction) => reaction.name === name);
  if (existing?.users.includes(ctx.caller.id)) throw new SlackError('already_reacted');
  const mine = reactions.filter((reaction) => reaction.users.includes(ctx.caller.id)).length;
  if (mine >= MAX_REACTIONS_PER_USER) throw new SlackError('too_many_reactions');
  if (existing) existing.users.push(ctx.caller.id);
  else if (reactions.length >= MAX_EMOJI) throw new SlackError('too_many_emoji');
  else reactions.push({ name, users: [ctx.caller.id] });
}

function findMessage(ctx: MethodContext, conv: Conversation, ts: string | undefined): Message {
  const message = ts
    ? ctx.state.messages.find(
        (m) => m.team === ctx.ws.id && m.channel === conv.id && m.ts === ts && m.subtype !== 'tombstone',
      )
    : undefined;
  if (!message) throw new SlackError('message_not_found');
  return message;
}

function hasReplies(ctx: MethodContext, message: Message): boolean {
  return ctx.state.messages.some(
    (m) => m.team === message.team && m.channel === message.channel && m.threadTs === message.ts && isReply(m),
  );
}

export const messageMethods: MethodDef[] = [
  {
    name: 'chat.update',
    tier: 3,
    auth: 'token',
    scopes: () => ['chat:write'],
    accepted: ['chat:write'],
    handler: (ctx) => {
      const conv = findConversation(ctx);
      const message = findMessage(ctx, conv, str(ctx.params, 'ts'));
      // Bots edit their own messages; people theirs (Slack has no admin override for edits).
      if (message.user !== ctx.caller.id) throw new SlackError('cant_update_message');
      const content = readContent(ctx, UPDATE_MAX_TEXT);
      message.text = content.text;
      // Omitted blocks, attachments and metadata are kept; an empty value removes them.
      if (content.blocks) message.blocks = content.blocks.length > 0 ? content.blocks : undefined;
      if (content.attachments) {
        message.attachments = content.attachments.length > 0 ? content.attachments : undefined;
      }
      if (content.metadata !== undefined) message.metadata = content.metadata ?? undefined;
      message.edited = { user: ctx.caller.id, ts: ctx.state.nextTs() };
      const json = messageJson(ctx.ws, message, { includeMetadata: true, origin: ctx.request.origin });
      return { channel: conv.id, ts: message.ts, text: message.text, message: json };
    },
  },
  {
    name: 'chat.delete',
    tier: 3,
    auth: 'token',
    scopes: () => ['chat:write'],
    accepted: ['chat:write'],
    handler: (ctx) => {
      const conv = findConversation(ctx);
      const message = findMessage(ctx, conv, str(ctx.params, 'ts'));
      // Bots delete only their own messages; a person also others' when they are a workspace admin.
      const allowed = message.user === ctx.caller.id || (ctx.chain.type === 'user' && ctx.caller.isAdmin);
      if (!allowed) throw new SlackError('cant_delete_message');
      if (hasReplies(ctx, message)) {
        // A thread parent stays behind as a tombstone so the replies keep their thread.
        Object.assign(message, {
          subtype: 'tombstone',
          text: 'This message was deleted.',
          user: 'USLACKBOT',
          botId: undefined,
          appId: undefined,
          blocks: undefined,
          attachments: undefined,
          metadata: undefined,
          files: undefined,
        });
      } else {
        ctx.state.messages = ctx.state.messages.filter((m) => m !== message);
      }
      return { channel: conv.id, ts: message.ts };
    },
  },
  {
    name: 'chat.postEphemeral',
    tier: 4,
    auth: 'token',
    scopes: () => ['chat:write'],
    accepted: ['chat:write'],
    handler: (ctx) => {
      const conv = resolveTarget(ctx, str(ctx.params, 'channel'));
      const recipient = ctx.ws.usersById.get(str(ctx.params, 'user') ?? '');
      const content = readContent(ctx);
      checkCanPost(ctx, conv);
      if (!recipient || recipient.deleted || !conv.members.has(recipient.id)) {
        throw new SlackError('user_not_in_channel');
      }
      const ts = ctx.state.nextTs();
      ctx.state.ephemeral.push({
        team: ctx.ws.id,
        channel: conv.id,
        ts,
        text: content.text,
        ...authorFields(ctx),
        threadTs: str(ctx.params, 'thread_ts'),
        blocks: content.blocks,
        attachments: content.attachments,
        recipient: recipient.id,
      });
      return { message_ts: ts };
    },
  },
  {
    name: 'chat.getPermalink',
    tier: 'special',
    auth: 'token',
    scopes: () => [],
    accepted: [],
    handler: (ctx) => {
      const conv = findConversation(ctx);
      const message = findMessage(ctx, conv, str(ctx.params, 'message_ts'));
      let permalink = `https://${ctx.ws.domain}.slack.com/archives/${conv.id}/p${message.ts.replace('.', '')}`;
      if (isReply(message)) permalink += `?thread_ts=${message.threadTs}&cid=${conv.id}`;
      return { channel: conv.id, permalink };
    },
  },
  {
    name: 'reactions.add',
    tier: 3,
    auth: 'token',
    scopes: () => ['reactions:write'],
    accepted: ['reactions:write'],
    handler: (ctx) => {
      const name = str(ctx.params, 'name');
      const timestamp = str(ctx.params, 'timestamp');
      if (!name || !timestamp) throw new SlackError('no_item_specified');
      const conv = findConversation(ctx);
      // Reacting needs what reading does: a bot is a member, a person can see the channel.
      requireReader(ctx, conv);
      requireNotArchived(conv);
      if (!/^\d+\.\d+$/.test(timestamp)) throw new SlackError('bad_timestamp');
      const message = findMessage(ctx, conv, timestamp);
      if (!EMOJI_NAME.test(name)) throw new SlackError('invalid_name');
      addReaction(ctx, message, name);
      return {};
    },
  },
];
