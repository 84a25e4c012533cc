// The person's own status and notification pause: users.profile.set and dnd.*. User tokens only,
// as Slack sets the token's own user. Slack's method pages and the SDK's types give the shapes.
import { SlackError, int, str } from '../envelope';
import type { User } from '../model';
import { statusOf, userJson } from '../serialize';
import type { MethodContext, MethodDef } from './types';

const STATUS_TEXT_MAX = 100;
const EMOJI = /^:[a-z0-9_+'-]+:$/;
/** The emulator's own bound on a pause: a week (Slack's is not published). */
const SNOOZE_MAX_MINUTES = 7 * 24 * 60;

const seconds = (ctx: MethodContext) => Math.floor(ctx.state.now() / 1000);

function profileOf(ctx: MethodContext): Record<string, unknown> {
  const raw = ctx.params.profile;
  const parsed: unknown = typeof raw === 'string' ? JSON.parse(raw === '' ? 'null' : raw) : raw;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SlackError('invalid_profile');
  return parsed as Record<string, unknown>;
}

function setStatus(ctx: MethodContext, user: User): void {
  // `name` and `value` set one field and win over `profile`.
  const name = str(ctx.params, 'name');
  let profile: Record<string, unknown>;
  if (name) profile = { [name]: str(ctx.params, 'value') ?? '' };
  else {
    try {
      profile = profileOf(ctx);
    } catch {
      throw new SlackError('invalid_profile');
    }
  }
  const current = statusOf(user, seconds(ctx));
  const text = profile.status_text ?? current.text;
  const emoji = profile.status_emoji ?? current.emoji;
  const expiration = profile.status_expiration ?? current.expiration;
  if (typeof text !== 'string' || typeof emoji !== 'string') throw new SlackError('invalid_profile');
  if (text.length > STATUS_TEXT_MAX) throw new SlackError('too_long');
  if (emoji !== '' && !EMOJI.test(emoji)) throw new SlackError('profile_status_set_failed_not_emoji_syntax');
  const until = Number(expiration);
  if (!Number.isInteger(until) || until < 0) throw new SlackError('invalid_profile');
  // Empty text and emoji clear the status, its expiry with it.
  user.status =
    text === '' && emoji === '' ? { text: '', emoji: '', expiration: 0 } : { text, emoji, expiration: until };
  user.updated = seconds(ctx);
}

function snoozeLeft(ctx: MethodContext, user: User): number {
  return user.snoozeEnd !== undefined ? Math.max(0, user.snoozeEnd - seconds(ctx)) : 0;
}

/** Slack's default Do Not Disturb hours in the emulator: none scheduled. */
const NO_SCHEDULE = { dnd_enabled: false, next_dnd_start_ts: 1, next_dnd_end_ts: 1 };

export const statusMethods: MethodDef[] = [
  {
    name: 'users.profile.set',
    tier: 3,
    auth: 'token',
    tokenTypes: ['user'],
    scopes: () => ['users.profile:write'],
    accepted: ['users.profile:write'],
    handler: (ctx) => {
      const other = str(ctx.params, 'user');
      const user = other ? ctx.ws.usersById.get(other) : ctx.caller;
      if (!user) throw new SlackError('user_not_found');
      if (user.id !== ctx.caller.id && !ctx.caller.isAdmin) throw new SlackError('not_admin');
      setStatus(ctx, user);
      const now = seconds(ctx);
      const base = userJson(ctx.ws, user, false, now).profile as Record<string, unknown>;
      return {
        profile: { ...base, status_expiration: statusOf(user, now).expiration, fields: {} },
        username: user.name,
      };
    },
  },
  {
    name: 'dnd.setSnooze',
    tier: 2,
    auth: 'token',
    tokenTypes: ['user'],
    scopes: () => ['dnd:write'],
    accepted: ['dnd:write'],
    handler: (ctx) => {
      if (str(ctx.params, 'num_minutes') === undefined) throw new SlackError('missing_duration');
      const minutes = int(ctx.params, 'num_minutes');
      if (minutes === undefined || minutes < 1) throw new SlackError('invalid_arguments');
      if (minutes > SNOOZE_MAX_MINUTES) throw new SlackError('too_long');
      ctx.caller.snoozeEnd = seconds(ctx) + minutes * 60;
      return {
        snooze_enabled: true,
        snooze_endtime: ctx.caller.snoozeEnd,
        snooze_remaining: minutes * 60,
        snooze_is_indefinite: false,
      };
    },
  },
  {
    name: 'dnd.endSnooze',
    tier: 2,
    auth: 'token',
    tokenTypes: ['user'],
    scopes: () => ['dnd:write'],
    accepted: ['dnd:write'],
    handler: (ctx) => {
      if (snoozeLeft(ctx, ctx.caller) === 0) throw new SlackError('snooze_not_active');
      delete ctx.caller.snoozeEnd;
      return { ...NO_SCHEDULE, snooze_enabled: false };
    },
  },
  {
    name: 'dnd.info',
    tier: 3,
    auth: 'token',
    tokenTypes: ['user'],
    scopes: () => ['dnd:read'],
    accepted: ['dnd:read'],
    handler: (ctx) => {
      const user = ctx.ws.usersById.get(str(ctx.params, 'user') ?? ctx.caller.id);
      if (!user) throw new SlackError('user_not_found');
      if (user.id !== ctx.caller.id) return { ...NO_SCHEDULE };
      const left = snoozeLeft(ctx, user);
      if (left === 0) return { ...NO_SCHEDULE, snooze_enabled: false };
      return { ...NO_SCHEDULE, snooze_enabled: true, snooze_endtime: user.snoozeEnd, snooze_remaining: left };
    },
  },
];
