// The workspace itself: team.info and auth.teams.list.
import { SlackError, bool, str } from '../envelope';
import { paginate } from '../pagination';
import { teamIconJson, teamJson } from '../serialize';
import type { MethodDef } from './types';

export const teamMethods: MethodDef[] = [
  {
    name: 'team.info',
    tier: 3,
    auth: 'token',
    scopes: () => ['team:read'],
    accepted: ['team:read'],
    handler: ({ ws, params }) => {
      // Only the token's own workspace is visible (no org, no shared channels to other teams).
      const team = str(params, 'team');
      const domain = str(params, 'domain');
      if ((team !== undefined && team !== ws.id) || (domain !== undefined && domain !== ws.domain)) {
        throw new SlackError('team_not_found');
      }
      return { team: teamJson(ws) };
    },
  },
  {
    // For a workspace (not org-wide) install, the one workspace the token belongs to.
    name: 'auth.teams.list',
    tier: 2,
    auth: 'token',
    scopes: () => [],
    accepted: [],
    handler: ({ ws, params }) => {
      const includeIcon = bool(params, 'include_icon');
      const page = paginate([ws], (w) => w.id, params, { prefix: 'team', defaultLimit: 100, maxLimit: 1000 });
      return {
        teams: page.items.map((w) => ({ id: w.id, name: w.name, ...(includeIcon ? { icon: teamIconJson(w) } : {}) })),
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
];
