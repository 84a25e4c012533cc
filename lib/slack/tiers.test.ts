import { describe, expect, it } from 'vitest';
import { METHODS as EMULATED } from '../../test/emulator/methods';
import { ruleFor } from '../../test/emulator/ratelimits';
import { ACTIONS } from '../actions/catalog';
import { sdkArguments } from '../actions/testing/sdk-arguments';
import { METHODS, TIER_RULES, isRead, rateRule, tierOf } from './tiers';

// slack-api.md §2.1 Table A: every method behind the 43 actions, its verb and its tier.
const TABLE_A: [method: string, verb: 'GET' | 'POST', tier: 1 | 2 | 3 | 4 | 'special'][] = [
  ['files.completeUploadExternal', 'POST', 4],
  ['conversations.create', 'POST', 2],
  ['files.delete', 'POST', 3],
  ['chat.delete', 'POST', 3],
  ['chat.deleteScheduledMessage', 'POST', 3],
  ['conversations.info', 'GET', 3],
  ['files.info', 'GET', 4],
  ['files.getUploadURLExternal', 'POST', 4],
  ['chat.getPermalink', 'GET', 'special'],
  ['usergroups.list', 'GET', 2],
  ['usergroups.users.list', 'GET', 2],
  ['team.info', 'GET', 3],
  ['users.info', 'GET', 4],
  ['users.lookupByEmail', 'GET', 3],
  ['users.getPresence', 'GET', 3],
  ['users.profile.get', 'GET', 4],
  ['conversations.inviteShared', 'POST', 2],
  ['conversations.invite', 'POST', 3],
  ['conversations.join', 'POST', 3],
  ['conversations.leave', 'POST', 3],
  ['conversations.members', 'GET', 4],
  ['conversations.list', 'GET', 2],
  ['files.list', 'GET', 3],
  ['conversations.history', 'GET', 3],
  ['chat.scheduledMessages.list', 'POST', 3],
  ['conversations.listConnectInvites', 'POST', 1],
  ['conversations.replies', 'GET', 3],
  ['auth.teams.list', 'POST', 2],
  ['users.list', 'GET', 2],
  ['users.conversations', 'GET', 3],
  ['users.discoverableContacts.lookup', 'POST', 2],
  ['conversations.open', 'POST', 3],
  ['conversations.kick', 'POST', 3],
  ['conversations.rename', 'POST', 2],
  ['files.revokePublicURL', 'POST', 3],
  ['chat.scheduleMessage', 'POST', 3],
  ['chat.postEphemeral', 'POST', 4],
  ['chat.postMessage', 'POST', 'special'],
  ['users.setPresence', 'POST', 2],
  ['files.sharedPublicURL', 'POST', 3],
  ['chat.update', 'POST', 3],
];

const AUTH_METHODS = ['auth.test', 'auth.revoke', 'team.info', 'oauth.v2.access'];

/** POST-verb methods that only read, so they are retried like GETs. */
const POST_READS = new Set([
  'chat.scheduledMessages.list',
  'conversations.listConnectInvites',
  'auth.teams.list',
  'users.discoverableContacts.lookup',
]);

describe('tiers', () => {
  it.each(TABLE_A)('%s (%s, tier %s) is in the table', (method, verb, tier) => {
    expect(Object.hasOwn(METHODS, method)).toBe(true);
    expect(tierOf(method)).toBe(tier);
    expect(isRead(method)).toBe(verb === 'GET' || POST_READS.has(method));
  });

  it('knows every method an action calls, and the auth methods', () => {
    const methods = new Set([...ACTIONS.flatMap((action) => action.methods), ...AUTH_METHODS]);
    expect([...methods].filter((method) => !Object.hasOwn(METHODS, method))).toEqual([]);
  });

  it("gives the methods beyond Table A a tier of their own, each a method of Slack's SDK", () => {
    const tableA = new Set([...TABLE_A.map(([method]) => method), ...AUTH_METHODS]);
    const beyond = Object.keys(METHODS).filter((method) => !tableA.has(method));
    expect(beyond.length).toBeGreaterThan(0);
    for (const method of beyond) {
      expect(sdkArguments(method), method).toBeDefined();
      expect([1, 2, 3, 4, 'special'], method).toContain(tierOf(method));
    }
  });

  it('never treats token or write methods as reads', () => {
    for (const method of ['auth.revoke', 'oauth.v2.access', 'chat.postMessage', 'files.completeUploadExternal']) {
      expect(isRead(method)).toBe(false);
    }
    expect(isRead('auth.test')).toBe(true);
  });

  it('gives each tier its published floor, and special methods their own rule', () => {
    expect(rateRule('users.list')).toEqual({ limit: 20, windowMs: 60_000 });
    expect(rateRule('conversations.listConnectInvites')).toEqual(TIER_RULES[1]);
    expect(rateRule('chat.postMessage')).toEqual({ limit: 3, windowMs: 3_000, perChannel: true });
    expect(rateRule('oauth.v2.access')).toEqual({ limit: 600, windowMs: 60_000 });
  });

  it('budgets every method the emulator serves exactly as the emulator limits it', () => {
    for (const [name, def] of EMULATED) {
      const emulated = ruleFor(def);
      const budgeted = rateRule(name);
      expect({
        name,
        limit: budgeted.limit,
        windowMs: budgeted.windowMs,
        perChannel: budgeted.perChannel ?? false,
      }).toEqual({
        name,
        limit: emulated?.limit,
        windowMs: (emulated?.windowSeconds ?? 0) * 1000,
        perChannel: emulated?.perChannel ?? false,
      });
    }
  });

  it('treats an unknown method as a Tier 2 write', () => {
    expect(rateRule('admin.something.new')).toEqual(TIER_RULES[2]);
    expect(isRead('admin.something.new')).toBe(false);
    expect(isRead('constructor')).toBe(false);
  });
});
