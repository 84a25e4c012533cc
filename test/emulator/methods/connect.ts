// Slack Connect: conversations.inviteShared, conversations.listConnectInvites and
// users.discoverableContacts.lookup. All three are bot-only. An invite whose recipient belongs to
// another emulated workspace also shows up there, as an incoming invite.
import type { Params } from '../envelope';
import { SlackError, int, str } from '../envelope';
import { makeId } from '../ids';
import type { ConnectInvite, Workspace } from '../model';
import { paginate } from '../pagination';
import { inviteUserJson, teamIconJson } from '../serialize';
import { requireMember } from './access';
import type { MethodContext, MethodDef } from './types';

const INVITE_VALID_DAYS = 14;
const MAX_COUNT = 500;

/** A list argument: a JSON array, or a comma-separated string. */
function listArg(params: Params, key: string): string[] {
  const value = params[key];
  const items = Array.isArray(value) ? value.map(String) : (str(params, key) ?? '').split(',');
  return items.map((s) => s.trim()).filter(Boolean);
}

function findPerson(ctx: MethodContext, email?: string, userId?: string, exclude?: Workspace) {
  for (const ws of ctx.state.workspaces.values()) {
    if (ws === exclude) continue;
    const user = ws.users.find(
      (u) => !u.isBot && !u.deleted && (email ? u.email.toLowerCase() === email.toLowerCase() : u.id === userId),
    );
    if (user) return { ws, user };
  }
  return undefined;
}

function inviteJson(ctx: MethodContext, invite: ConnectInvite): Record<string, unknown> {
  const team = ctx.state.workspaces.get(invite.invitingTeamId) as Workspace;
  const user = team.usersById.get(invite.invitingUserId);
  const body: Record<string, unknown> = {
    id: invite.id,
    date_created: invite.created,
    date_invalid: invite.created + INVITE_VALID_DAYS * 86_400,
    inviting_team: {
      id: team.id,
      name: team.name,
      icon: teamIconJson(team),
      is_verified: false,
      domain: team.domain,
      date_created: 1_500_000_000,
      avatar_base_url: 'https://ca.slack-edge.com/',
      requires_sponsorship: false,
    },
    inviting_user: user ? inviteUserJson(team, user) : { id: invite.invitingUserId },
    link: `https://join.slack.com/share/${invite.id}`,
  };
  if (invite.recipientEmail) body.recipient_email = invite.recipientEmail;
  if (invite.recipientUserId) body.recipient_user_id = invite.recipientUserId;
  return {
    direction: invite.direction,
    status: invite.status,
    date_last_updated: invite.created,
    invite_type: 'channel',
    invite: body,
    channel: { id: invite.channel.id, is_im: false, is_private: invite.channel.isPrivate, name: invite.channel.name },
    acceptances: [],
  };
}

export const connectMethods: MethodDef[] = [
  {
    name: 'conversations.inviteShared',
    tier: 2,
    auth: 'token',
    tokenTypes: ['bot'],
    scopes: () => ['conversations.connect:write'],
    accepted: ['conversations.connect:write'],
    handler: (ctx) => {
      const conv = ctx.ws.conversationsById.get(str(ctx.params, 'channel') ?? '');
      if (!conv || (conv.kind !== 'public_channel' && !conv.members.has(ctx.caller.id))) {
        throw new SlackError('channel_not_found');
      }
      if (conv.kind === 'im' || conv.kind === 'mpim') throw new SlackError('invalid_channel_type');
      if (ctx.ws.plan === 'free') throw new SlackError('not_paid');
      if (conv.isArchived) throw new SlackError('channel_archived');
      if (conv.isGeneral) throw new SlackError('cannot_share_mandatory_channel');
      requireMember(ctx, conv);
      const emails = listArg(ctx.params, 'emails');
      const userIds = listArg(ctx.params, 'user_ids');
      if (emails.length + userIds.length === 0) throw new SlackError('recipients_not_specified');
      // One invitee per call.
      if (emails.length + userIds.length > 1) throw new SlackError('too_many_emails');
      const email = emails[0];
      if (email !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new SlackError('invalid_email');
      const found = findPerson(ctx, email, userIds[0]);
      if (userIds[0] !== undefined && !found) throw new SlackError('user_not_found');
      if (found && conv.members.has(found.user.id)) throw new SlackError('already_in_channel');
      const now = Math.floor(ctx.state.now() / 1000);
      const invite: ConnectInvite = {
        id: makeId('I', ctx.ws.idTag, ctx.ws.nextSeq.invite++),
        direction: 'outgoing',
        status: 'pending',
        created: now,
        invitingTeamId: ctx.ws.id,
        invitingUserId: ctx.caller.id,
        channel: { id: conv.id, name: conv.name, isPrivate: conv.kind === 'private_channel' },
        recipientEmail: email,
        recipientUserId: found?.user.id ?? userIds[0],
      };
      ctx.ws.connectInvites.push(invite);
      if (found && found.ws !== ctx.ws) found.ws.connectInvites.push({ ...invite, direction: 'incoming' });
      conv.pendingExtShared = true;
      return {
        invite_id: invite.id,
        is_legacy_shared_channel: false,
        url: `https://join.slack.com/share/${invite.id}`,
      };
    },
  },
  {
    name: 'conversations.listConnectInvites',
    tier: 1,
    auth: 'token',
    tokenTypes: ['bot'],
    scopes: () => ['conversations.connect:manage'],
    accepted: ['conversations.connect:manage'],
    handler: (ctx) => {
      if (ctx.ws.plan === 'free') throw new SlackError('restricted_action');
      const count = int(ctx.params, 'count') ?? 100;
      if (Number.isNaN(count) || count < 1) throw new SlackError('invalid_arguments');
      const invites = [...ctx.ws.connectInvites].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
      const options = { prefix: 'invite', defaultLimit: 100, maxLimit: MAX_COUNT };
      const page = paginate(invites, (i) => i.id, ctx.params, options, Math.min(count, MAX_COUNT));
      return {
        invites: page.items.map((invite) => inviteJson(ctx, invite)),
        response_metadata: { next_cursor: page.nextCursor },
      };
    },
  },
  {
    name: 'users.discoverableContacts.lookup',
    tier: 2,
    auth: 'token',
    tokenTypes: ['bot'],
    scopes: () => ['conversations.connect:manage', 'team:read'],
    accepted: ['conversations.connect:manage', 'team:read'],
    handler: (ctx) => {
      if (ctx.ws.plan !== 'enterprise') throw new SlackError('not_an_enterprise');
      const email = str(ctx.params, 'email');
      if (!email) throw new SlackError('invalid_arguments');
      // Discoverable means: a person in another (emulated) workspace has this address.
      return { is_discoverable: findPerson(ctx, email, undefined, ctx.ws) !== undefined };
    },
  },
];
