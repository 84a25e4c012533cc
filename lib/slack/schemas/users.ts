import { z } from 'zod';
import { okOnlyResponse, okResponse } from './common';

/** A custom profile field value, keyed by field id in `profile.fields`. */
export const profileFieldSchema = z.looseObject({
  value: z.string().optional(),
  alt: z.string().optional(),
  label: z.string().optional(),
});

/** A user's profile (users.profile.get, and `user.profile` elsewhere). Every field is optional. */
export const userProfileSchema = z.looseObject({
  real_name: z.string().optional(),
  real_name_normalized: z.string().optional(),
  display_name: z.string().optional(),
  display_name_normalized: z.string().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  title: z.string().optional(),
  phone: z.string().optional(),
  skype: z.string().optional(),
  pronouns: z.string().optional(),
  /** Needs users:read.email. */
  email: z.string().optional(),
  team: z.string().optional(),
  /** Keyed by field id. Slack sends null, or an empty array, when a user has none. */
  fields: z.union([z.record(z.string(), profileFieldSchema), z.array(z.unknown())]).nullish(),
  status_text: z.string().optional(),
  status_emoji: z.string().optional(),
  status_expiration: z.number().optional(),
  status_text_canonical: z.string().nullish(),
  status_emoji_url: z.string().optional(),
  status_emoji_display_info: z.array(z.looseObject({})).optional(),
  avatar_hash: z.string().optional(),
  is_custom_image: z.boolean().optional(),
  image_original: z.string().optional(),
  image_24: z.string().optional(),
  image_32: z.string().optional(),
  image_48: z.string().optional(),
  image_72: z.string().optional(),
  image_192: z.string().optional(),
  image_512: z.string().optional(),
  image_1024: z.string().optional(),
  bot_id: z.string().optional(),
  api_app_id: z.string().optional(),
  always_active: z.boolean().optional(),
  huddle_state: z.string().optional(),
  huddle_state_expiration_ts: z.number().optional(),
  start_date: z.string().optional(),
  guest_invited_by: z.string().optional(),
});
export type UserProfile = z.output<typeof userProfileSchema>;

/** A user object (users.info, users.list, users.lookupByEmail). */
export const userSchema = z.looseObject({
  id: z.string(),
  team_id: z.string().optional(),
  name: z.string().optional(),
  real_name: z.string().optional(),
  deleted: z.boolean().optional(),
  color: z.string().optional(),
  tz: z.string().nullish(),
  tz_label: z.string().optional(),
  tz_offset: z.number().optional(),
  profile: userProfileSchema.optional(),
  is_admin: z.boolean().optional(),
  is_owner: z.boolean().optional(),
  is_primary_owner: z.boolean().optional(),
  is_restricted: z.boolean().optional(),
  is_ultra_restricted: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  is_app_user: z.boolean().optional(),
  is_workflow_bot: z.boolean().optional(),
  is_invited_user: z.boolean().optional(),
  is_email_confirmed: z.boolean().optional(),
  is_stranger: z.boolean().optional(),
  has_2fa: z.boolean().optional(),
  two_factor_type: z.string().optional(),
  updated: z.number().optional(),
  locale: z.string().optional(),
  who_can_share_contact_card: z.string().optional(),
  enterprise_id: z.string().optional(),
  enterprise_name: z.string().optional(),
  teams: z.array(z.string()).optional(),
  enterprise_user: z
    .looseObject({
      id: z.string().optional(),
      enterprise_id: z.string().optional(),
      enterprise_name: z.string().optional(),
      is_admin: z.boolean().optional(),
      is_owner: z.boolean().optional(),
      is_primary_owner: z.boolean().optional(),
      teams: z.array(z.string()).optional(),
    })
    .optional(),
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
  cache_ts: z.number().optional(),
  offset: z.string().optional(),
});

export const usersGetPresenceResponse = okResponse({
  /** "active" or "away". */
  presence: z.string(),
  /** The fields below come only when asking about the token's own user. */
  online: z.boolean().optional(),
  auto_away: z.boolean().optional(),
  manual_away: z.boolean().optional(),
  connection_count: z.number().optional(),
  last_activity: z.number().optional(),
});

export const usersProfileGetResponse = okResponse({
  profile: userProfileSchema,
});

export const usersSetPresenceResponse = okOnlyResponse;

export const usersDiscoverableContactsLookupResponse = okResponse({
  is_discoverable: z.boolean(),
});
