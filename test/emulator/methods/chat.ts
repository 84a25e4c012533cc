import { SlackError, jsonArg, str } from '../envelope';
import type { Conversation, Message, StoredMetadata } from '../model';
import { openIm } from '../workspace';
import { botProfileJson } from '../serialize';
import type { MethodContext, MethodDef } from './types';

const MAX_ATTACHMENTS = 100;

/** A channel id, a DM id, a user id (opens the DM) or a channel name with or without '#'. */
export function resolveTarget(ctx: MethodContext, value: string | undefined): Conversation {
  if (!value) throw new SlackError('channel_not_found');
  const { ws, caller, state } = ctx;
  const user = ws.usersById.get(value);
  if (user) {
    if (user.deleted) throw new SlackError('channel_not_found');
    return openIm(ws, caller.id, user.id, Math.floor(state.now() / 1000));
  }
  const name = value.replace(/^#/, '');
  const conv = ws.conversationsById.get(value) ?? ws.conversations.find((c) => c.kind !== 'im' && c.name === name);
  // Slack does not reveal private conversations to non-members.
  if (!conv || (conv.kind !== 'public_channel' && !conv.members.has(caller.id))) {
    throw new SlackError('channel_not_found');
  }
  return conv;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readMetadata(ctx: MethodContext): StoredMetadata | undefined {
  const arg = jsonArg(ctx.params, 'metadata');
  if (arg.invalid) throw new SlackError('invalid_metadata_format');
  if (arg.value === undefined) return undefined;
  const meta = arg.value;
  const payload = isRecord(meta) ? (meta.event_payload ?? {}) : undefined;
  if (!isRecord(meta) || typeof meta.event_type !== 'string' || !isRecord(payload)) {
    throw new SlackError('invalid_metadata_schema');
  }
  return { event_type: meta.event_type, event_payload: payload };
}

function readList(ctx: MethodContext, key: 'blocks' | 'attachments'): unknown[] | undefined {
  const arg = jsonArg(ctx.params, key);
  if (arg.invalid) throw new SlackError(key === 'blocks' ? 'invalid_blocks_format' : 'invalid_attachments');
  if (arg.value === undefined) return undefined;
  if (!Array.isArray(arg.value)) throw new SlackError(key === 'blocks' ? 'invalid_blocks' : 'invalid_attachments');
  return arg.value as unknown[];
}

function checkCanPost(ctx: MethodContext, conv: Conversation): void {
  if (conv.isArchived) throw new SlackError('is_archived');
  if (conv.members.has(ctx.caller.id)) return;
  // chat:write.public lets a bot post to public channels it has not joined.
  const publicOk =
    conv.kind === 'public_channel' && ctx.chain.type === 'bot' && ctx.chain.scopes.includes('chat:write.public');
  if (!publicOk) throw new SlackError('not_in_channel');
}

function messageJson(ctx: MethodContext, message: Message): Record<string, unknown> {
  const json: Record<string, unknown> = { user: message.user, type: 'message', ts: message.ts };
  if (message.botId) Object.assign(json, { bot_id: message.botId, app_id: message.appId });
  Object.assign(json, { text: message.text, team: message.team });
  if (message.botId) json.bot_profile = botProfileJson(ctx.ws, ctx.caller);
  if (message.threadTs) json.thread_ts = message.threadTs;
  if (message.blocks) json.blocks = message.blocks;
  if (message.attachments) json.attachments = message.attachments;
  if (message.metadata) json.metadata = message.metadata;
  return json;
}

export const chatMethods: MethodDef[] = [
  {
    name: 'chat.postMessage',
    tier: 'special',
    auth: 'token',
    scopes: () => ['chat:write'],
    accepted: ['chat:write'],
    handler: (ctx) => {
      const conv = resolveTarget(ctx, str(ctx.params, 'channel'));
      const text = str(ctx.params, 'text');
      const markdown = str(ctx.params, 'markdown_text');
      const blocks = readList(ctx, 'blocks');
      const attachments = readList(ctx, 'attachments');
      if (markdown && (text || blocks)) throw new SlackError('markdown_text_conflict');
      if (!text && !markdown && !blocks?.length && !attachments?.length) throw new SlackError('no_text');
      if ((attachments?.length ?? 0) > MAX_ATTACHMENTS) throw new SlackError('too_many_attachments');
      const metadata = readMetadata(ctx);
      checkCanPost(ctx, conv);
      const message: Message = {
        team: ctx.ws.id,
        channel: conv.id,
        ts: ctx.state.nextTs(),
        text: text ?? markdown ?? '',
        user: ctx.caller.id,
        botId: ctx.chain.type === 'bot' ? ctx.caller.botId : undefined,
        appId: ctx.chain.type === 'bot' ? ctx.chain.appId : undefined,
        threadTs: str(ctx.params, 'thread_ts'),
        metadata,
        blocks,
        attachments,
      };
      ctx.state.messages.push(message);
      return { channel: conv.id, ts: message.ts, message: messageJson(ctx, message) };
    },
  },
];
