// Reading messages: conversations.history (newest first) and conversations.replies (a thread, oldest
// first). Cursors are Slack's 'next_ts:<ts without the dot>'.
import type { Params } from '../envelope';
import { SlackError, bool, str } from '../envelope';
import type { Message } from '../model';
import { conversationMessages, isReply, messageJson, threadIndex } from '../message-json';
import { decodeCursor, encodeCursor, readLimit } from '../pagination';
import { kindScope } from '../scopes';
import { findConversation, isTs, requireReader, requireScope, tsKey } from './access';
import type { MethodContext, MethodDef } from './types';

const HISTORY_SCOPES = ['channels:history', 'groups:history', 'mpim:history', 'im:history'];

interface Range {
  oldest?: string;
  latest?: string;
  inclusive: boolean;
}

function readRange(params: Params): Range {
  const oldest = str(params, 'oldest');
  const latest = str(params, 'latest');
  if (oldest !== undefined && !isTs(oldest)) throw new SlackError('invalid_ts_oldest');
  if (latest !== undefined && !isTs(latest)) throw new SlackError('invalid_ts_latest');
  return {
    oldest: oldest === undefined ? undefined : tsKey(oldest),
    latest: latest === undefined ? undefined : tsKey(latest),
    inclusive: bool(params, 'inclusive'),
  };
}

/** Exclusive bounds by default; `inclusive` includes messages exactly at oldest or latest. */
function inRange(ts: string, range: Range): boolean {
  const key = tsKey(ts);
  const { oldest, latest, inclusive } = range;
  if (oldest !== undefined && (inclusive ? key < oldest : key <= oldest)) return false;
  if (latest !== undefined && (inclusive ? key > latest : key >= latest)) return false;
  return true;
}

function cursorTs(params: Params): string | undefined {
  const cursor = str(params, 'cursor');
  if (!cursor) return undefined;
  const digits = decodeCursor('next_ts', cursor);
  if (!/^\d{7,16}$/.test(digits)) throw new SlackError('invalid_cursor');
  return tsKey(`${digits.slice(0, -6)}.${digits.slice(-6)}`);
}

function tsCursor(ts: string): string {
  return encodeCursor('next_ts', ts.replace('.', ''));
}

/** A page of `list` from the cursor on; `from` finds where the cursor's message (or its successor) is. */
function page(list: Message[], params: Params, limit: number, from: (key: string) => (m: Message) => boolean) {
  const key = cursorTs(params);
  const start = key === undefined ? 0 : list.findIndex(from(key));
  const begin = start < 0 ? list.length : start;
  const items = list.slice(begin, begin + limit);
  const next = list[begin + limit];
  return { items, hasMore: next !== undefined, nextCursor: next ? tsCursor(next.ts) : '' };
}

function readConversation(ctx: MethodContext) {
  const conv = findConversation(ctx);
  requireScope(ctx, [kindScope(conv.kind, 'history')]);
  requireReader(ctx, conv);
  const messages = conversationMessages(ctx.state.messages, ctx.ws.id, conv.id);
  return { conv, messages, threads: threadIndex(messages) };
}

export const historyMethods: MethodDef[] = [
  {
    name: 'conversations.history',
    tier: 3,
    auth: 'token',
    scopes: () => [],
    anyOf: () => HISTORY_SCOPES,
    accepted: HISTORY_SCOPES,
    handler: (ctx) => {
      const { messages, threads } = readConversation(ctx);
      const range = readRange(ctx.params);
      const limit = readLimit(ctx.params, { prefix: 'next_ts', defaultLimit: 100, maxLimit: 999 });
      // Thread replies stay in their thread unless they were also sent to the channel.
      const visible = messages.filter((m) => (!isReply(m) || m.replyBroadcast) && inRange(m.ts, range)).reverse();
      const result = page(visible, ctx.params, limit, (key) => (m) => tsKey(m.ts) <= key);
      const view = { includeMetadata: bool(ctx.params, 'include_all_metadata'), threads, origin: ctx.request.origin };
      const body: Record<string, unknown> = {
        messages: result.items.map((m) => messageJson(ctx.ws, m, view)),
        has_more: result.hasMore,
        pin_count: 0,
      };
      const latest = str(ctx.params, 'latest');
      if (latest !== undefined) body.latest = latest;
      body.response_metadata = { next_cursor: result.nextCursor };
      return body;
    },
  },
  {
    name: 'conversations.replies',
    tier: 3,
    auth: 'token',
    scopes: () => [],
    anyOf: () => HISTORY_SCOPES,
    accepted: HISTORY_SCOPES,
    handler: (ctx) => {
      const { threads } = readConversation(ctx);
      const ts = str(ctx.params, 'ts');
      // Any message of the thread names it: the parent or one of its replies.
      const named = ts === undefined ? undefined : threads.byTs.get(ts);
      const parent = named && (isReply(named) ? threads.byTs.get(named.threadTs ?? '') : named);
      if (!parent) throw new SlackError('thread_not_found');
      const range = readRange(ctx.params);
      const limit = readLimit(ctx.params, { prefix: 'next_ts', defaultLimit: 1000, maxLimit: 1000 });
      const replies = (threads.replies.get(parent.ts) ?? []).filter((m) => inRange(m.ts, range));
      const result = page([parent, ...replies], ctx.params, limit, (key) => (m) => tsKey(m.ts) >= key);
      const view = { includeMetadata: bool(ctx.params, 'include_all_metadata'), threads, origin: ctx.request.origin };
      return {
        messages: result.items.map((m) => messageJson(ctx.ws, m, view)),
        has_more: result.hasMore,
        response_metadata: { next_cursor: result.nextCursor },
      };
    },
  },
];
