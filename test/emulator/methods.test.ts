// @vitest-environment node
// The method table as a whole: every Slack method behind Courier's 43 actions is served, at the tier
// slack-api.md Table A gives, with its token types and scopes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callApi, channelId, install, installOnly } from './helpers';
import type { Emulator } from './index';
import { startEmulator } from './index';
import { sdkArguments } from '../../lib/actions/testing/sdk-arguments';
import { METHODS } from './methods';

// prettier-ignore
const TABLE_A_TIERS: Record<string, 1 | 2 | 3 | 4 | 'special'> = {
  'files.completeUploadExternal': 4, 'conversations.create': 2, 'files.delete': 3, 'chat.delete': 3,
  'chat.deleteScheduledMessage': 3, 'conversations.info': 3, 'files.info': 4, 'files.getUploadURLExternal': 4,
  'chat.getPermalink': 'special', 'usergroups.list': 2, 'usergroups.users.list': 2, 'team.info': 3, 'users.info': 4,
  'users.lookupByEmail': 3, 'users.getPresence': 3, 'users.profile.get': 4, 'conversations.inviteShared': 2,
  'conversations.invite': 3, 'conversations.join': 3, 'conversations.leave': 3, 'conversations.members': 4,
  'conversations.list': 2, 'files.list': 3, 'conversations.history': 3, 'chat.scheduledMessages.list': 3,
  'conversations.listConnectInvites': 1, 'conversations.replies': 3, 'auth.teams.list': 2, 'users.list': 2,
  'users.conversations': 3, 'users.discoverableContacts.lookup': 2, 'conversations.open': 3, 'conversations.kick': 3,
  'conversations.rename': 2, 'files.revokePublicURL': 3, 'chat.scheduleMessage': 3, 'chat.postEphemeral': 4,
  'chat.postMessage': 'special', 'users.setPresence': 2, 'files.sharedPublicURL': 3, 'chat.update': 3,
  // Not behind an action, but served: auth and the OAuth exchange.
  'auth.test': 'special', 'auth.revoke': 3, 'oauth.v2.access': 'special',
};

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.state.reset());

describe('method table', () => {
  it('serves every method behind the 43 actions, each at its Table A tier', () => {
    for (const [name, tier] of Object.entries(TABLE_A_TIERS)) expect(METHODS.get(name)?.tier, name).toBe(tier);
  });

  it("serves beyond Table A only methods of Slack's SDK", () => {
    const beyond = [...METHODS.keys()].filter((name) => !Object.hasOwn(TABLE_A_TIERS, name));
    expect(beyond.length).toBeGreaterThan(0);
    for (const name of beyond) expect(sdkArguments(name), name).toBeDefined();
  });

  it('bot-only methods refuse user tokens, user-only methods bot tokens (not_allowed_token_type)', async () => {
    const t = install(emu);
    const botOnly = [
      'conversations.inviteShared',
      'conversations.listConnectInvites',
      'users.discoverableContacts.lookup',
    ];
    for (const method of botOnly) {
      expect((await callApi(emu, method, {}, t.user)).error, method).toBe('not_allowed_token_type');
    }
    for (const method of [
      'files.sharedPublicURL',
      'users.setPresence',
      'users.profile.set',
      'dnd.setSnooze',
      'dnd.endSnooze',
      'dnd.info',
    ]) {
      expect((await callApi(emu, method, {}, t.bot)).error, method).toBe('not_allowed_token_type');
    }
  });

  it('checks the bot scope on bot tokens and the user scope on user tokens', async () => {
    // Each token holds the other kind's scope only.
    const t = installOnly(emu, {
      bot: ['channels:read', 'channels:manage'],
      user: ['channels:read', 'channels:write'],
    });
    const leave = { channel: channelId(emu, 'general') };
    // Passing the scope check means reaching the method's own rule (cant_leave_general).
    expect((await callApi(emu, 'conversations.leave', leave, t.bot)).error).toBe('cant_leave_general');
    expect((await callApi(emu, 'conversations.leave', leave, t.user)).error).toBe('cant_leave_general');
    const narrow = installOnly(emu, { bot: ['channels:read'], user: ['channels:read'] });
    expect(await callApi(emu, 'conversations.leave', leave, narrow.bot)).toMatchObject({
      error: 'missing_scope',
      needed: 'channels:manage,groups:write,mpim:write,im:write',
      provided: 'channels:read',
    });
    expect(await callApi(emu, 'conversations.leave', leave, narrow.user)).toMatchObject({
      error: 'missing_scope',
      needed: 'channels:write,groups:write,mpim:write,im:write',
    });
  });

  it('sends x-accepted-oauth-scopes for the new methods', async () => {
    const t = install(emu);
    const res = await fetch(`${emu.url}/api/files.list`, {
      method: 'POST',
      body: new URLSearchParams({ token: t.bot }),
    });
    expect(res.headers.get('x-accepted-oauth-scopes')).toBe('files:read');
  });
});
