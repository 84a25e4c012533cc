import * as z from 'zod/mini';
import { read, write, type MethodTable } from '../tier-rules';
import { okOnlyResponse, okResponse } from './common';

/** A custom profile field value, keyed by field id in `profile.fields`. */
export const profileFieldSchema = z.looseObject({
  value: z.optional(z.string()),
  alt: z.optional(z.string()),
  label: z.optional(z.string()),
});

/** A user's profile (users.profile.get, and `user.profile` elsewhere). Every field is optional. */
export const userProfileSchema = z.looseObject({
  real_name: z.optional(z.string()),
  real_name_normalized: z.optional(z.string()),
  display_name: z.optional(z.string()),
  display_name_normalized: z.optional(z.string()),
  first_name: z.optional(z.string()),
  last_name: z.optional(z.string()),
  title: z.optional(z.string()),
  phone: z.optional(z.string()),
  skype: z.optional(z.string()),
  pronouns: z.optional(z.string()),
  /** Needs users:read.email. */
  email: z.optional(z.string()),
  team: z.optional(z.string()),
  /** Keyed by field id. Slack sends null, or an empty array, when a user has none. */
  fields: z.nullish(z.union([z.record(z.string(), profileFieldSchema), z.array(z.unknown())])),
  status_text: z.optional(z.string()),
  status_emoji: z.optional(z.string()),
  status_expiration: z.optional(z.number()),
  status_text_canonical: z.nullish(z.string()),
  status_emoji_url: z.optional(z.string()),
  status_emoji_display_info: z.optional(z.array(z.looseObject({}))),
  avatar_hash: z.optional(z.string()),
  is_custom_image: z.optional(z.boolean()),
  image_original: z.optional(z.string()),
  image_24: z.optional(z.string()),
  image_32: z.optional(z.string()),
  image_48: z.optional(z.string()),
  image_72: z.optional(z.string()),
  image_192: z.optional(z.string()),
  image_512: z.optional(z.string()),
  image_1024: z.optional(z.string()),
  bot_id: z.optional(z.string()),
  api_app_id: z.optional(z.string()),
  always_active: z.optional(z.boolean()),
  huddle_state: z.optional(z.string()),
  huddle_state_expiration_ts: z.optional(z.number()),
  start_date: z.optional(z.string()),
  guest_invited_by: z.optional(z.string()),
});
export type UserProfile = z.output<typeof userProfileSchema>;

/** A user object (users.info, users.list, users.lookupByEmail). */
export const userSchema = z.looseObject({
  id: z.string(),
  team_id: z.optional(z.string()),
  name: z.optional(z.string()),
  real_name: z.optional(z.string()),
  deleted: z.optional(z.boolean()),
  color: z.optional(z.string()),
  tz: z.nullish(z.string()),
  tz_label: z.optional(z.string()),
  tz_offset: z.optional(z.number()),
  profile: z.optional(userProfileSchema),
  is_admin: z.optional(z.boolean()),
  is_owner: z.optional(z.boolean()),
  is_primary_owner: z.optional(z.boolean()),
  is_restricted: z.optional(z.boolean()),
  is_ultra_restricted: z.optional(z.boolean()),
  is_bot: z.optional(z.boolean()),
  is_app_user: z.optional(z.boolean()),
  is_workflow_bot: z.optional(z.boolean()),
  is_invited_user: z.optional(z.boolean()),
  is_email_confirmed: z.optional(z.boolean()),
  is_stranger: z.optional(z.boolean()),
  has_2fa: z.optional(z.boolean()),
  two_factor_type: z.optional(z.string()),
  updated: z.optional(z.number()),
  locale: z.optional(z.string()),
  who_can_share_contact_card: z.optional(z.string()),
  enterprise_id: z.optional(z.string()),
  enterprise_name: z.optional(z.string()),
  teams: z.optional(z.array(z.string())),
  enterprise_user: z.optional(
    z.looseObject({
      id: z.optional(z.string()),
      enterprise_id: z.optional(z.string()),
      enterprise_name: z.optional(z.string()),
      is_admin: z.optional(z.boolean()),
      is_owner: z.optional(z.boolean()),
      is_primary_owner: z.optional(z.boolean()),
      teams: z.optional(z.array(z.string())),
    }),
  ),
});
export type SlackUser = z.output<typeof userSchema>;

export const usersInfoResponse = okResponse({
  user: userSchema,
});

export const usersLookupByEmailResponse = okResponse({
  user: userSchema,
});

export const usersListResponse = okResponse({
  members: z.array(userSchema),
  cache_ts: z.optional(z.number()),
  offset: z.optional(z.string()),
});

export const usersGetPresenceResponse = okResponse({
  /** "active" or "away". */
  presence: z.string(),
  /** The fields below come only when asking about the token's own user. */
  online: z.optional(z.boolean()),
  auto_away: z.optional(z.boolean()),
  manual_away: z.optional(z.boolean()),
  connection_count: z.optional(z.number()),
  last_activity: z.optional(z.number()),
});

export const usersProfileGetResponse = okResponse({
  profile: userProfileSchema,
});

export const usersSetPresenceResponse = okOnlyResponse;

/** users.profile.set answers the profile as it now is (the SDK's UsersProfileSetResponse). */
export const usersProfileSetResponse = okResponse({
  profile: userProfileSchema,
  username: z.optional(z.string()),
});

export const usersDiscoverableContactsLookupResponse = okResponse({
  is_discoverable: z.boolean(),
});

/** Each method's response schema beside its rate tier (lib/slack/tiers.ts reads them). */
export const USERS_METHODS = {
  'users.info': { response: usersInfoResponse, ...read(4) },
  'users.list': { response: usersListResponse, ...read(2) },
  'users.lookupByEmail': { response: usersLookupByEmailResponse, ...read(3) },
  'users.getPresence': { response: usersGetPresenceResponse, ...read(3) },
  'users.setPresence': { response: usersSetPresenceResponse, ...write(2) },
  'users.profile.get': { response: usersProfileGetResponse, ...read(4) },
  'users.profile.set': { response: usersProfileSetResponse, ...write(3) },
  'users.discoverableContacts.lookup': { response: usersDiscoverableContactsLookupResponse, ...read(2) },
} as const satisfies MethodTable;
