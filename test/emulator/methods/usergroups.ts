// User groups: usergroups.list and usergroups.users.list. Free plans have none (plan_upgrade_required).
import { SlackError, bool, str } from '../envelope';
import type { Usergroup, Workspace } from '../model';
import type { MethodContext, MethodDef } from './types';

/** Members of a group; the admin and owner groups follow the workspace. */
export function groupUsers(ws: Workspace, group: Usergroup): string[] {
  if (group.autoType === 'admin') return ws.users.filter((u) => u.isAdmin && !u.deleted).map((u) => u.id);
  if (group.autoType === 'owner') return ws.users.filter((u) => u.isOwner && !u.deleted).map((u) => u.id);
  return group.users;
}

function requirePaid(ctx: MethodContext): void {
  if (ctx.ws.plan === 'free') throw new SlackError('plan_upgrade_required');
}

function groupJson(ws: Workspace, group: Usergroup, includeUsers: boolean): Record<string, unknown> {
  const users = groupUsers(ws, group);
  const json: Record<string, unknown> = {
    id: group.id,
    team_id: ws.id,
    is_usergroup: true,
    is_subteam: true,
    name: group.name,
    description: group.description,
    handle: group.handle,
    is_external: false,
    date_create: group.created,
    date_update: group.created,
    date_delete: group.dateDelete,
    auto_type: group.autoType,
    auto_provision: false,
    enterprise_subteam_id: '',
    created_by: group.createdBy,
    updated_by: group.createdBy,
    deleted_by: null,
    prefs: { channels: [], groups: [] },
  };
  if (includeUsers) json.users = users;
  json.user_count = users.length;
  return json;
}

export const usergroupMethods: MethodDef[] = [
  {
    name: 'usergroups.list',
    tier: 2,
    auth: 'token',
    scopes: () => ['usergroups:read'],
    accepted: ['usergroups:read'],
    handler: (ctx) => {
      requirePaid(ctx);
      const includeDisabled = bool(ctx.params, 'include_disabled');
      const includeUsers = bool(ctx.params, 'include_users');
      const groups = ctx.ws.usergroups.filter((g) => includeDisabled || g.dateDelete === 0);
      return { usergroups: groups.map((g) => groupJson(ctx.ws, g, includeUsers)) };
    },
  },
  {
    name: 'usergroups.users.list',
    tier: 2,
    auth: 'token',
    scopes: () => ['usergroups:read'],
    accepted: ['usergroups:read'],
    handler: (ctx) => {
      requirePaid(ctx);
      const id = str(ctx.params, 'usergroup');
      const group = ctx.ws.usergroups.find((g) => g.id === id);
      if (!group || (group.dateDelete !== 0 && !bool(ctx.params, 'include_disabled'))) {
        throw new SlackError('no_such_subteam');
      }
      return { users: groupUsers(ctx.ws, group) };
    },
  },
];
