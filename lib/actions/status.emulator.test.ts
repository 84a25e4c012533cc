// @vitest-environment node
// Status and notification pause against the emulator: success, Slack's failures and the scopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainSlackError } from '../slack/explain';
import type { Harness } from './testing/emulator-harness';
import { ALL_USER_SCOPES, startHarness } from './testing/emulator-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const without = (gone: string) => ALL_USER_SCOPES.filter((scope) => scope !== gone);
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('set_user_status', () => {
  it("sets the person's status with the user token, and users.profile.get shows it", async () => {
    const until = inAnHour();
    const status = { status_text: 'In a meeting', status_emoji: ':calendar:', status_expiration: until };
    const set = await h.run('set_user_status', { profile: status });
    expect(set).toMatchObject({ tokenKind: 'user', result: status });
    expect((await h.run('get_user_profile', {})).result).toMatchObject({ profile: status });
    const cleared = await h.run('set_user_status', { profile: { status_text: '', status_emoji: '' } });
    expect(cleared.result).toEqual({ status_text: '', status_emoji: '', status_expiration: 0 });
  });

  it('refuses what Slack would before asking it: long text, emoji not between colons', async () => {
    expect((await h.fail('set_user_status', { profile: { status_text: 'x'.repeat(101) } })).kind).toBe('invalid_input');
    expect((await h.fail('set_user_status', { profile: { status_emoji: 'calendar' } })).kind).toBe('invalid_input');
  });

  it('says which scope is missing', async () => {
    const readOnly = h.install({ bot: [], user: without('users.profile:write') });
    const failure = await h.fail('set_user_status', { profile: { status_text: 'Hi' } }, readOnly);
    expect(failure).toMatchObject({
      kind: 'missing_scope',
      message: expect.stringContaining('users.profile:write') as unknown,
    });
  });
});

describe('pause and resume notifications', () => {
  it('pauses, tells the pause, resumes, and says when there is nothing to resume', async () => {
    const paused = await h.run('pause_notifications', { num_minutes: 30 });
    expect(paused.result).toMatchObject({ snooze_enabled: true, snooze_remaining: 1800 });
    expect((await h.run('get_notification_pause', {})).result).toMatchObject({ snooze_enabled: true });
    expect((await h.run('resume_notifications', {})).result).toMatchObject({ snooze_enabled: false });
    expect((await h.fail('resume_notifications', {})).message).toBe(explainSlackError('snooze_not_active'));
  });

  it('needs dnd:write', async () => {
    const readOnly = h.install({ bot: [], user: without('dnd:write') });
    const failure = await h.fail('pause_notifications', { num_minutes: 5 }, readOnly);
    expect(failure).toMatchObject({ kind: 'missing_scope', message: expect.stringContaining('dnd:write') as unknown });
  });
});
