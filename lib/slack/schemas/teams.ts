import { z } from 'zod';
import { numberish, okResponse } from './common';

/** Workspace icon URLs; `image_default` says whether Slack's default icon is in use. */
export const teamIconSchema = z.looseObject({
  image_34: z.string().optional(),
  image_44: z.string().optional(),
  image_68: z.string().optional(),
  image_88: z.string().optional(),
  image_102: z.string().optional(),
  image_132: z.string().optional(),
  image_230: z.string().optional(),
  image_original: z.string().optional(),
  image_default: z.boolean().optional(),
});

/** A workspace (team.info `team`, auth.teams.list `teams[]`, Slack Connect invite teams). */
export const teamSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  domain: z.string().optional(),
  email_domain: z.string().optional(),
  url: z.string().optional(),
  icon: teamIconSchema.optional(),
  is_verified: z.boolean().optional(),
  avatar_base_url: z.string().optional(),
  enterprise_id: z.string().optional(),
  enterprise_name: z.string().optional(),
  enterprise_domain: z.string().optional(),
  locale: z.string().optional(),
  date_created: z.number().optional(),
});
export type SlackTeam = z.output<typeof teamSchema>;

/** A user group ("subteam", S…). */
export const usergroupSchema = z.looseObject({
  id: z.string(),
  team_id: z.string().optional(),
  is_usergroup: z.boolean().optional(),
  is_subteam: z.boolean().optional(),
  is_external: z.boolean().optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  handle: z.string().optional(),
  /** "admin", "owner" or null. */
  auto_type: z.string().nullish(),
  date_create: z.number().optional(),
  date_update: z.number().optional(),
  /** 0 unless disabled. */
  date_delete: z.number().optional(),
  created_by: z.string().optional(),
  updated_by: z.string().optional(),
  deleted_by: z.string().nullish(),
  prefs: z
    .looseObject({
      channels: z.array(z.string()).optional(),
      groups: z.array(z.string()).optional(),
    })
    .optional(),
  /** Member ids; only with include_users. */
  users: z.array(z.string()).optional(),
  /** Only with include_count. A number, or a numeric string in Slack's examples. */
  user_count: numberish.optional(),
  channel_count: z.number().optional(),
});
export type Usergroup = z.output<typeof usergroupSchema>;

/**
 * Slack's spec for team.info answers either `team` or, for some org-level calls, `teams`; every
 * sample has `team`. One of them must be there.
 */
export const teamInfoResponse = okResponse({
  team: teamSchema.optional(),
  teams: z.array(teamSchema).optional(),
}).refine((body) => body.team !== undefined || body.teams !== undefined, {
  message: 'team.info answered with neither team nor teams',
  path: ['team'],
});

export const usergroupsListResponse = okResponse({
  usergroups: z.array(usergroupSchema),
});

export const usergroupsUsersListResponse = okResponse({
  users: z.array(z.string()),
});

export const authTeamsListResponse = okResponse({
  teams: z.array(teamSchema),
});
