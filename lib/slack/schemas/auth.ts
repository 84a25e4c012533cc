import * as z from 'zod/mini';
import { MINUTE, TIER_RULES, read, write, type MethodTable } from '../tier-rules';
import { okResponse } from './common';

export const authTestResponse = okResponse({
  url: z.optional(z.string()),
  team: z.optional(z.string()),
  user: z.nullish(z.string()),
  team_id: z.string(),
  user_id: z.string(),
  /** Only for bot tokens. */
  bot_id: z.optional(z.string()),
  app_id: z.optional(z.string()),
  app_name: z.optional(z.string()),
  enterprise_id: z.nullish(z.string()),
  is_enterprise_install: z.optional(z.boolean()),
  /** Seconds left for a rotating token, else null or absent. */
  expires_in: z.nullish(z.number()),
});

/** `revoked: true`, or false with test=true. Optional: the Java SDK's all-fields sample lacks it. */
export const authRevokeResponse = okResponse({
  revoked: z.optional(z.boolean()),
});

/** `{ id, name }` of a team or enterprise; null for org-wide installs and non-Enterprise teams. */
const lean = z.looseObject({ id: z.string(), name: z.optional(z.string()) });

/** The person who allowed the app, and their user token when user scopes were granted. */
export const authedUserSchema = z.looseObject({
  id: z.string(),
  scope: z.optional(z.string()),
  access_token: z.optional(z.string()),
  token_type: z.optional(z.string()),
  expires_in: z.optional(z.number()),
  refresh_token: z.optional(z.string()),
});

/**
 * oauth.v2.access, both for a code exchange (bot token at top level, user token under authed_user)
 * and for a refresh (flat: one token at top level, with `user_id` for a user token). Token fields
 * hold secrets: never log a parsed value.
 */
export const oauthV2AccessResponse = okResponse({
  app_id: z.string(),
  access_token: z.optional(z.string()),
  /** "bot" in the examples, "granular_bot" in Slack's schema, "user" on a user refresh. */
  token_type: z.optional(z.string()),
  scope: z.optional(z.string()),
  bot_user_id: z.optional(z.string()),
  user_id: z.optional(z.string()),
  expires_in: z.optional(z.number()),
  refresh_token: z.optional(z.string()),
  team: z.nullish(lean),
  enterprise: z.nullish(lean),
  is_enterprise_install: z.optional(z.boolean()),
  authed_user: z.optional(authedUserSchema),
  incoming_webhook: z.optional(
    z.looseObject({
      url: z.optional(z.string()),
      channel: z.optional(z.string()),
      channel_id: z.optional(z.string()),
      configuration_url: z.optional(z.string()),
    }),
  ),
});

/** Each method's response schema beside its rate tier (lib/slack/tiers.ts reads them). */
export const AUTH_METHODS = {
  // Special without a number; Tier 4 is the closest published figure.
  'auth.test': { response: authTestResponse, ...read('special', TIER_RULES[4]) },
  // Spec verb GET, but it revokes a token: not a read.
  'auth.revoke': { response: authRevokeResponse, ...write(3) },
  // A code is single-use and a refresh retires the refresh token sent: never repeated blindly.
  'oauth.v2.access': { response: oauthV2AccessResponse, ...write('special', { limit: 600, windowMs: MINUTE }) },
} as const satisfies MethodTable;
