import { z } from 'zod';
import { okResponse } from './common';

export const authTestResponse = okResponse({
  url: z.string().optional(),
  team: z.string().optional(),
  user: z.string().nullish(),
  team_id: z.string(),
  user_id: z.string(),
  /** Only for bot tokens. */
  bot_id: z.string().optional(),
  app_id: z.string().optional(),
  app_name: z.string().optional(),
  enterprise_id: z.string().nullish(),
  is_enterprise_install: z.boolean().optional(),
  /** Seconds left for a rotating token, else null or absent. */
  expires_in: z.number().nullish(),
});

/** `revoked: true`, or false with test=true. Optional: the Java SDK's all-fields sample lacks it. */
export const authRevokeResponse = okResponse({
  revoked: z.boolean().optional(),
});

/** `{ id, name }` of a team or enterprise; null for org-wide installs and non-Enterprise teams. */
const lean = z.looseObject({ id: z.string(), name: z.string().optional() });

/**
 * oauth.v2.access, both for a code exchange (bot token at top level, user token under authed_user)
 * and for a refresh (flat: one token at top level, with `user_id` for a user token). Token fields
 * hold secrets: never log a parsed value.
 */
export const oauthV2AccessResponse = okResponse({
  app_id: z.string(),
  access_token: z.string().optional(),
  /** "bot" in the examples, "granular_bot" in Slack's schema, "user" on a user refresh. */
  token_type: z.string().optional(),
  scope: z.string().optional(),
  bot_user_id: z.string().optional(),
  user_id: z.string().optional(),
  expires_in: z.number().optional(),
  refresh_token: z.string().optional(),
  team: lean.nullish(),
  enterprise: lean.nullish(),
  is_enterprise_install: z.boolean().optional(),
  authed_user: z
    .looseObject({
      id: z.string(),
      scope: z.string().optional(),
      access_token: z.string().optional(),
      token_type: z.string().optional(),
      expires_in: z.number().optional(),
      refresh_token: z.string().optional(),
    })
    .optional(),
  incoming_webhook: z
    .looseObject({
      url: z.string().optional(),
      channel: z.string().optional(),
      channel_id: z.string().optional(),
      configuration_url: z.string().optional(),
    })
    .optional(),
});
