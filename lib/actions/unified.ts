// StackOne's unified IAM view of the workspace: users, user groups and the workspace itself,
// mapped by unified-mapping.ts. Results are shaped like StackOne's: { data }.
import * as z from 'zod/mini';
import { CourierFailure } from '../errors';
import { defineAction, slackCall } from './define';
import { cursor, flag, limit, notBoth, teamId, userId, filled } from './fields';
import { toIamGroup, toIamOrganization, toIamUser } from './unified-mapping';

// The unified user's primary email needs users:read.email on top of users:read.
const USERS = { bot: ['users:read', 'users:read.email'], user: ['users:read', 'users:read.email'] };
const GROUPS = { bot: ['usergroups:read'], user: ['usergroups:read'] };
const TEAM = { bot: ['team:read'], user: ['team:read'] };

const usergroupId = () => filled().check(z.describe('User group id (S…).'));

export const getUnifiedUser = defineAction({
  id: 'get_unified_user',
  title: 'Get Unified User',
  description: 'Returns a person as a unified IAM user (StackOne model).',
  group: 'unified',
  methods: ['users.info'],
  example: { user: 'U0123456789' },
  input: z.strictObject({ user: userId('Person to look up.') }),
  token: 'either-bot',
  scopes: USERS,
  run: async (ctx, input) => {
    const { user } = await slackCall(ctx, 'users.info', input);
    return { data: toIamUser(user) };
  },
});

export const listUnifiedUsers = defineAction({
  id: 'list_unified_users',
  title: 'List Unified Users',
  description: 'Lists everyone in the workspace as unified IAM users (StackOne model).',
  group: 'unified',
  methods: ['users.list'],
  example: { limit: 100 },
  input: z.strictObject({ team_id: z.optional(teamId()), limit: limit(), cursor: cursor() }),
  token: 'either-bot',
  scopes: USERS,
  pages: { items: 'data' },
  // One page of users.list, mapped; its response_metadata carries the next cursor.
  run: async (ctx, input) => {
    const { members, response_metadata } = await slackCall(ctx, 'users.list', input);
    return { data: members.map(toIamUser), response_metadata };
  },
});

export const getUnifiedGroup = defineAction({
  id: 'get_unified_group',
  title: 'Get Unified Group',
  description: 'Returns a user group with its members as a unified IAM group (StackOne model).',
  group: 'unified',
  methods: ['usergroups.list', 'usergroups.users.list'],
  example: { usergroup: 'S0123456789' },
  input: z.strictObject({ usergroup: usergroupId(), team_id: z.optional(teamId()) }),
  token: 'either-bot',
  scopes: GROUPS,
  run: async (ctx, { usergroup, team_id }) => {
    // Slack has no usergroups.info: the members come first (no_such_subteam for a wrong id), then
    // the group itself from the list, disabled groups included so a known id is always found.
    const { users } = await slackCall(ctx, 'usergroups.users.list', { usergroup, team_id, include_disabled: true });
    const { usergroups } = await slackCall(ctx, 'usergroups.list', { team_id, include_disabled: true });
    const group = usergroups.find((candidate) => candidate.id === usergroup);
    if (!group) throw new CourierFailure('slack_error', `Slack has no user group ${usergroup} in this workspace.`);
    return { data: toIamGroup(group, users) };
  },
});

export const listUnifiedGroups = defineAction({
  id: 'list_unified_groups',
  title: 'List Unified Groups',
  description: "Lists the workspace's user groups with their members as unified IAM groups (StackOne model).",
  group: 'unified',
  methods: ['usergroups.list'],
  example: { include_disabled: true },
  input: z.strictObject({
    include_disabled: z.optional(flag('Include disabled user groups.')),
    include_count: z.optional(flag('Include the number of users in each group (user_count).')),
    team_id: z.optional(teamId()),
    limit: limit(),
  }),
  token: 'either-bot',
  scopes: GROUPS,
  // usergroups.list is not paginated: it returns every group at once, so `limit` only trims.
  run: async (ctx, { limit, ...params }) => {
    const { usergroups } = await slackCall(ctx, 'usergroups.list', { ...params, include_users: true });
    return { data: usergroups.slice(0, limit).map((group) => toIamGroup(group)) };
  },
});

export const getUnifiedOrganization = defineAction({
  id: 'get_unified_organization',
  title: 'Get Unified Organization',
  description: 'Returns the workspace as a unified IAM organization (StackOne model).',
  group: 'unified',
  methods: ['team.info'],
  example: { team: 'T0123456789' },
  input: z
    .strictObject({
      team: z.optional(filled().check(z.describe('Workspace id (T…); defaults to this workspace.'))),
      domain: z.optional(
        filled().check(
          z.describe('Find the workspace by its domain instead (same Enterprise org; only without team).'),
        ),
      ),
    })
    .check(notBoth('team', 'domain')),
  token: 'either-bot',
  scopes: TEAM,
  run: async (ctx, input) => {
    const { team, teams } = await slackCall(ctx, 'team.info', input);
    // Slack answers `teams` instead of `team` for some org-level tokens (the schema asks for one).
    const found = team ?? teams?.[0];
    if (!found) throw new CourierFailure('slack_error', 'Slack answered team.info without a workspace.');
    return { data: toIamOrganization(found) };
  },
});

export const listUnifiedOrganizations = defineAction({
  id: 'list_unified_organizations',
  title: 'List Unified Organizations',
  description: 'Lists the workspaces this account reaches as unified IAM organizations (StackOne model).',
  group: 'unified',
  methods: ['team.info'],
  example: {},
  input: z.strictObject({}),
  token: 'either-bot',
  scopes: TEAM,
  // A workspace install reaches one workspace; org-wide installs (auth.teams.list) are not linked
  // by Courier, so team.info is the whole list.
  run: async (ctx) => {
    const { team, teams } = await slackCall(ctx, 'team.info', {});
    return { data: (team ? [team] : (teams ?? [])).map(toIamOrganization) };
  },
});

export const UNIFIED_ACTIONS = [
  getUnifiedUser,
  listUnifiedUsers,
  getUnifiedGroup,
  listUnifiedGroups,
  getUnifiedOrganization,
  listUnifiedOrganizations,
];
