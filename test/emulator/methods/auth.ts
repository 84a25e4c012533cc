import { SlackError, bool } from '../envelope';
import type { MethodDef } from './types';

export const authMethods: MethodDef[] = [
  {
    name: 'auth.test',
    tier: 'special',
    auth: 'token',
    scopes: () => [],
    accepted: [],
    handler: ({ ws, chain, token, caller, state }) => ({
      url: `https://${ws.domain}.slack.com/`,
      team: ws.name,
      user: caller.name,
      team_id: ws.id,
      user_id: caller.id,
      ...(chain.type === 'bot'
        ? { bot_id: chain.botId, app_id: chain.appId, app_name: state.appById(chain.appId)?.name ?? '' }
        : {}),
      is_enterprise_install: false,
      expires_in: Math.max(0, Math.floor((token.expiresAt - state.now()) / 1000)),
    }),
  },
  {
    // With rotation, auth.revoke revokes exactly the token it is given, access or refresh, and
    // leaves the rest of the install alone (slack-api.md §1.6).
    name: 'auth.revoke',
    tier: 3,
    auth: 'none',
    handler: ({ state, params, request }) => {
      const value = request.token;
      if (!value) throw new SlackError('not_authed');
      const refresh = state.tokens.lookupRefresh(value);
      if (refresh?.token.revoked) throw new SlackError('token_revoked');
      const access = state.tokens.lookupAccess(value, state.now());
      if (!refresh && !access.ok) throw new SlackError(access.error);
      if (!bool(params, 'test')) state.tokens.revokeToken(value);
      return { revoked: true };
    },
  },
];
