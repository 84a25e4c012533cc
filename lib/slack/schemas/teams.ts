import * as z from 'zod/mini';
import { read, type MethodTable } from '../tier-rules';
import { numberish, okResponse } from './common';

/** Workspace icon URLs; `image_default` says whether Slack's default icon is in use. */
export const teamIconSchema = z.looseObject({
  image_34: z.optional(z.string()),
  image_44: z.optional(z.string()),
  image_68: z.optional(z.string()),
  image_88: z.optional(z.string()),
  image_102: z.optional(z.string()),
  image_132: z.optional(z.string()),
  image_230: z.optional(z.string()),
  image_original: z.optional(z.string()),
  image_default: z.optional(z.boolean()),
});

/** A workspace (team.info `team`, auth.teams.list `teams[]`, Slack Connect invite teams). */
export const teamSchema = z.looseObject({
  id: z.string(),
  name: z.optional(z.string()),
  domain: z.optional(z.string()),
  email_domain: z.optional(z.string()),
  url: z.optional(z.string()),
  icon: z.optional(teamIconSchema),
  is_verified: z.optional(z.boolean()),
  avatar_base_url: z.optional(z.string()),
  enterprise_id: z.optional(z.string()),
  enterprise_name: z.optional(z.string()),
  enterprise_domain: z.optional(z.string()),
  locale: z.optional(z.string()),
  date_created: z.optional(z.number()),
});
export type SlackTeam = z.output<typeof teamSchema>;

/** A user group ("subteam", S…). */
export const usergroupSchema = z.looseObject({
  id: z.string(),
  team_id: z.optional(z.string()),
  is_usergroup: z.optional(z.boolean()),
  is_subteam: z.optional(z.boolean()),
  is_external: z.optional(z.boolean()),
  name: z.optional(z.string()),
  description: z.optional(z.string()),
  handle: z.optional(z.string()),
  /** "admin", "owner" or null. */
  auto_type: z.nullish(z.string()),
  date_create: z.optional(z.number()),
  date_update: z.optional(z.number()),
  /** 0 unless disabled. */
  date_delete: z.optional(z.number()),
  created_by: z.optional(z.string()),
  updated_by: z.optional(z.string()),
  deleted_by: z.nullish(z.string()),
  prefs: z.optional(
    z.looseObject({
      channels: z.optional(z.array(z.string())),
      groups: z.optional(z.array(z.string())),
    }),
  ),
  /** Member ids; only with include_users. */
  users: z.optional(z.array(z.string())),
  /** Only with include_count. A number, or a numeric string in Slack's examples. */
  user_count: z.optional(numberish),
  channel_count: z.optional(z.number()),
});
export type Usergroup = z.output<typeof usergroupSchema>;

/**
 * Slack's spec for team.info answers either `team` or, for some org-level calls, `teams`; every
 * sample has `team`. One of them must be there.
 */
export const teamInfoResponse = okResponse({
  team: z.optional(teamSchema),
  teams: z.optional(z.array(teamSchema)),
}).check(
  z.refine((body) => body.team !== undefined || body.teams !== undefined, {
    message: 'team.info answered with neither team nor teams',
    path: ['team'],
  }),
);

export const usergroupsListResponse = okResponse({
  usergroups: z.array(usergroupSchema),
});

export const usergroupsUsersListResponse = okResponse({
  users: z.array(z.string()),
});

export const authTeamsListResponse = okResponse({
  teams: z.array(teamSchema),
});

/** Each method's response schema beside its rate tier (lib/slack/tiers.ts reads them). */
export const TEAMS_METHODS = {
  'usergroups.list': { response: usergroupsListResponse, ...read(2) },
  'usergroups.users.list': { response: usergroupsUsersListResponse, ...read(2) },
  'team.info': { response: teamInfoResponse, ...read(3) },
  'auth.teams.list': { response: authTeamsListResponse, ...read(2) },
} as const satisfies MethodTable;
