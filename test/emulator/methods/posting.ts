// What posting a message takes, shared by chat.postMessage, postEphemeral, scheduleMessage and update:
// the target, the text-ish content with its metadata, and the right to post there.
import { SlackError, jsonArg, str } from '../envelope';
import type { Conversation, StoredMetadata } from '../model';
import { openIm } from '../workspace';
import { visibleTo } from './access';
import type { MethodContext } from './types';

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
  if (!conv || !visibleTo(conv, caller.id)) throw new SlackError('channel_not_found');
  return conv;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** undefined: no metadata argument; null: an empty object, which chat.update uses to remove it. */
export function readMetadata(ctx: MethodContext): StoredMetadata | null | undefined {
  const arg = jsonArg(ctx.params, 'metadata');
  if (arg.invalid) throw new SlackError('invalid_metadata_format');
  if (arg.value === undefined) return undefined;
  const meta = arg.value;
  if (isRecord(meta) && Object.keys(meta).length === 0) return null;
  const payload = isRecord(meta) ? (meta.event_payload ?? {}) : undefined;
  if (!isRecord(meta) || typeof meta.event_type !== 'string' || !isRecord(payload)) {
    throw new SlackError('invalid_metadata_schema');
  }
  return { event_type: meta.event_type, event_payload: payload };
}

export function readList(ctx: MethodContext, key: 'blocks' | 'attachments'): unknown[] | undefined {
  const arg = jsonArg(ctx.params, key);
  if (arg.invalid) throw new SlackError(key === 'blocks' ? 'invalid_blocks_format' : 'invalid_attachments');
  if (arg.value === undefined) return undefined;
  if (!Array.isArray(arg.value)) throw new SlackError(key === 'blocks' ? 'invalid_blocks' : 'invalid_attachments');
  return arg.value as unknown[];
}

export interface Content {
  text: string;
  blocks?: unknown[];
  attachments?: unknown[];
  /** null: remove (chat.update with `metadata={}`). */
  metadata?: StoredMetadata | null;
}

/**
 * text, markdown_text, blocks, attachments and metadata, with Slack's checks; one of the first four is
 * needed. maxTextLength: msg_too_long past it (chat.postMessage has none: Slack truncates instead).
 */
export function readContent(ctx: MethodContext, maxTextLength = Infinity): Content {
  const text = str(ctx.params, 'text');
  const markdown = str(ctx.params, 'markdown_text');
  const blocks = readList(ctx, 'blocks');
  const attachments = readList(ctx, 'attachments');
  if (markdown && (text || blocks)) throw new SlackError('markdown_text_conflict');
  if (!text && !markdown && !blocks?.length && !attachments?.length) throw new SlackError('no_text');
  if ((attachments?.length ?? 0) > MAX_ATTACHMENTS) throw new SlackError('too_many_attachments');
  const body = text ?? markdown ?? '';
  if (body.length > maxTextLength) throw new SlackError('msg_too_long');
  return { text: body, blocks, attachments, metadata: readMetadata(ctx) };
}

/** Members post; a bot with chat:write.public also posts to public channels it has not joined. */
export function checkCanPost(ctx: MethodContext, conv: Conversation): void {
  if (conv.isArchived) throw new SlackError('is_archived');
  if (conv.members.has(ctx.caller.id)) return;
  const publicOk =
    conv.kind === 'public_channel' && ctx.chain.type === 'bot' && ctx.chain.scopes.includes('chat:write.public');
  if (!publicOk) throw new SlackError('not_in_channel');
}

/** The bot fields a message posted with this token carries. */
export function authorFields(ctx: MethodContext): { user: string; botId?: string; appId?: string } {
  return ctx.chain.type === 'bot'
    ? { user: ctx.caller.id, botId: ctx.caller.botId, appId: ctx.chain.appId }
    : { user: ctx.caller.id };
}
