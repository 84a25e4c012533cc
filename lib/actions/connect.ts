// Slack Connect: channels shared with other organisations. Bot tokens only, per Slack's specs.
import * as z from 'zod/mini';
import { defineAction, passTo } from './define';
import { channelId, cursor, exactlyOne, flag, limit, teamId, filled } from './fields';

export const inviteSharedConversation = defineAction({
  id: 'invite_shared_conversation',
  title: 'Invite Shared Conversation',
  description: 'Invites someone outside the workspace to a channel through Slack Connect.',
  group: 'connect',
  methods: ['conversations.inviteShared'],
  example: { channel: 'C0123456789', emails: ['partner@example.com'] },
  input: z
    .strictObject({
      channel: channelId('Channel to share.'),
      // Slack takes one invitee per call, by email or by user id.
      emails: z.optional(
        z.array(z.email()).check(z.maxLength(1), z.describe('Email address of the person to invite (one per call).')),
      ),
      user_ids: z.optional(
        z
          .array(filled().check(z.meta({ picker: 'user' })))
          .check(
            z.maxLength(1),
            z.describe('User id of the person to invite (one per call), instead of an email.'),
            z.meta({ picker: 'user' }),
          ),
      ),
      external_limited: z.optional(flag('Invite as an external limited member (Slack defaults to true).')),
    })
    .check(exactlyOne('emails', 'user_ids')),
  token: 'bot',
  scopes: { bot: ['conversations.connect:write'], user: [] },
  run: passTo('conversations.inviteShared'),
});

export const listSlackConnectInvites = defineAction({
  id: 'list_slack_connect_invites',
  title: 'List Slack Connect Invites',
  description: 'Lists Slack Connect invitations sent and received by the workspace.',
  group: 'connect',
  methods: ['conversations.listConnectInvites'],
  example: { count: 5 },
  // Slack names this method's page size `count` (1 to 500).
  input: z.strictObject({ team_id: z.optional(teamId()), count: limit(500), cursor: cursor() }),
  token: 'bot',
  scopes: { bot: ['conversations.connect:manage'], user: [] },
  pages: { items: 'invites' },
  run: passTo('conversations.listConnectInvites'),
});

export const lookupDiscoverableContact = defineAction({
  id: 'lookup_discoverable_contact',
  title: 'Lookup Discoverable Contact',
  description: 'Tells whether a person outside the organisation can be found for Slack Connect (Enterprise).',
  group: 'connect',
  methods: ['users.discoverableContacts.lookup'],
  example: { email: 'partner@example.com' },
  input: z.strictObject({ email: z.email().check(z.describe('Email address to look up.')) }),
  token: 'bot',
  scopes: { bot: ['conversations.connect:manage', 'team:read'], user: [] },
  run: passTo('users.discoverableContacts.lookup'),
});

export const CONNECT_ACTIONS = [inviteSharedConversation, listSlackConnectInvites, lookupDiscoverableContact];
