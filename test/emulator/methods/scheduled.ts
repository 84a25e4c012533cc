// Scheduled messages: chat.scheduleMessage, chat.deleteScheduledMessage, chat.scheduledMessages.list.
// They are posted by housekeeping.ts once the emulator clock passes post_at.
import { SlackError, bool, int, str } from '../envelope';
import { makeId } from '../ids';
import type { ScheduledMessage } from '../model';
import { paginate } from '../pagination';
import { botProfileJson } from '../serialize';
import { findConversation } from './access';
import { authorFields, checkCanPost, readContent, resolveTarget } from './posting';
import type { MethodContext, MethodDef } from './types';

/** Slack accepts post_at up to 120 days ahead. */
export const MAX_SCHEDULE_DAYS = 120;
/** At most 30 messages per channel may be scheduled within any 5 minutes (restricted_too_many). */
const CROWD_LIMIT = 30;
const CROWD_WINDOW_SECONDS = 300;
const MAX_TEXT = 40_000;

function ownScheduled(ctx: MethodContext): ScheduledMessage[] {
  return ctx.state.scheduled.filter((s) => s.team === ctx.ws.id && s.user === ctx.caller.id);
}

function readPostAt(ctx: MethodContext): number {
  const postAt = int(ctx.params, 'post_at');
  if (postAt === undefined || Number.isNaN(postAt)) throw new SlackError('invalid_time');
  const now = Math.floor(ctx.state.now() / 1000);
  if (postAt <= now) throw new SlackError('time_in_past');
  if (postAt > now + MAX_SCHEDULE_DAYS * 86_400) throw new SlackError('time_too_far');
  return postAt;
}

function readBound(ctx: MethodContext, key: 'oldest' | 'latest'): number | undefined {
  const value = str(ctx.params, key);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new SlackError('invalid_arguments');
  return n;
}

export const scheduledMethods: MethodDef[] = [
  {
    name: 'chat.scheduleMessage',
    tier: 3,
    auth: 'token',
    scopes: () => ['chat:write'],
    accepted: ['chat:write'],
    handler: (ctx) => {
      const conv = resolveTarget(ctx, str(ctx.params, 'channel'));
      const postAt = readPostAt(ctx);
      const content = readContent(ctx, MAX_TEXT);
      checkCanPost(ctx, conv);
      const crowd = ctx.state.scheduled.filter(
        (s) => s.team === ctx.ws.id && s.channel === conv.id && Math.abs(s.postAt - postAt) < CROWD_WINDOW_SECONDS,
      );
      if (crowd.length >= CROWD_LIMIT) throw new SlackError('restricted_too_many');
      const threadTs = str(ctx.params, 'thread_ts');
      const scheduled: ScheduledMessage = {
        id: makeId('Q', ctx.ws.idTag, ctx.ws.nextSeq.scheduled++),
        team: ctx.ws.id,
        channel: conv.id,
        ...authorFields(ctx),
        postAt,
        dateCreated: Math.floor(ctx.state.now() / 1000),
        text: content.text,
        threadTs,
        replyBroadcast: threadTs !== undefined && bool(ctx.params, 'reply_broadcast'),
        metadata: content.metadata ?? undefined,
        blocks: content.blocks,
        attachments: content.attachments,
      };
      ctx.state.scheduled.push(scheduled);
      const message: Record<string, unknown> = {
        ...(scheduled.botId ? { bot_id: scheduled.botId, app_id: scheduled.appId } : {}),
        type: 'delayed_message',
        text: scheduled.text,
        user: scheduled.user,
        team: ctx.ws.id,
      };
      if (scheduled.botId) message.bot_profile = botProfileJson(ctx.ws, ctx.caller);
      if (scheduled.blocks) message.blocks = scheduled.blocks;
      if (scheduled.attachments) message.attachments = scheduled.attachments;
      if (scheduled.metadata) message.metadata = scheduled.metadata;
      return { channel: conv.id, scheduled_message_id: scheduled.id, post_at: postAt, message };
    },
  },
  {
    name: 'chat.deleteScheduledMessage',
    tier: 3,
    auth: 'token',
    scopes: () => ['chat:write'],
    accepted: ['chat:write'],
    handler: (ctx) => {
      const conv = findConversation(ctx);
      const id = str(ctx.params, 'scheduled_message_id');
      // Already posted, already deleted, someone else's or another channel's: all the same to Slack.
      const found = ownScheduled(ctx).find((s) => s.id === id && s.channel === conv.id);
      if (!found) throw new SlackError('invalid_scheduled_message_id');
      ctx.state.scheduled = ctx.state.scheduled.filter((s) => s !== found);
      return {};
    },
  },
  {
    name: 'chat.scheduledMessages.list',
    tier: 3,
    auth: 'token',
    scopes: () => [],
    accepted: [],
    handler: (ctx) => {
      const channel = str(ctx.params, 'channel');
      if (channel !== undefined) {
        const conv = ctx.ws.conversationsById.get(channel);
        if (!conv || (conv.kind !== 'public_channel' && !conv.members.has(ctx.caller.id))) {
          throw new SlackError('invalid_channel');
        }
      }
      const oldest = readBound(ctx, 'oldest');
      const latest = readBound(ctx, 'latest');
      const items = ownScheduled(ctx)
        .filter(
          (s) =>
            (channel === undefined || s.channel === channel) &&
            (oldest === undefined || s.postAt >= oldest) &&
            (latest === undefined || s.postAt <= latest),
        )
        .sort((a, b) => a.postAt - b.postAt || (a.id < b.id ? -1 : 1));
      const page = paginate(items, (s) => s.id, ctx.params, { prefix: 'scheduled', defaultLimit: 100, maxLimit: 1000 });
      return {
        scheduled_messages: page.items.map((s) => ({
          id: s.id,
          channel_id: s.channel,
          post_at: s.postAt,
          date_created: s.dateCreated,
          text: s.text,
        })),
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
];
