// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { Emulator } from '../../test/emulator';
import { startEmulator } from '../../test/emulator';
import { CourierFailure } from '../errors';
import { RECONNECT_NOTIFICATION_PREFIX } from '../platform/attention';
import { PKCE_REFRESH_LIFETIME_MS } from './run-out';
import type { Harness } from './testing/linked';
import { linkedHarness } from './testing/linked';

// The real refresher, store and health against the emulator, whose PKCE refresh tokens end 30 days
// after issue as Slack's do. Time moves only through advanceClock, which every part reads as `now`;
// each refreshDue() stands for one run of the minute alarm.
const DAY = 86_400;
const ACME = 'T0ACME001';
const RAN_OUT =
  "Acme Corp needs to reconnect: its sign-in ran out after 30 days without a refresh (Slack ends a PKCE app's sign-in 30 days after the last refresh).";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(() => emulator.close());
beforeEach(() => emulator.state.reset());

const pkce = () => linkedHarness(emulator, ACME, { publicClient: true });
const confidential = () => linkedHarness(emulator, ACME);
const badge = () => browser.action.getBadgeText({});
const notices = async () => Object.keys(await browser.notifications.getAll());
const refreshFails = () => emulator.state.faults.add({ method: 'oauth.v2.access', kind: 'http500', count: -1 });

async function ends(h: Harness) {
  return [(await h.chain('bot')).refreshExpiresAt, (await h.chain('user')).refreshExpiresAt];
}

describe('a PKCE chain stores when its refresh token runs out', () => {
  it('30 days after the link, and 30 days after each refresh', async () => {
    const h = await pkce();
    const linked = await h.chain('bot');
    const end = linked.refreshedAt + PKCE_REFRESH_LIFETIME_MS;
    expect(await ends(h)).toEqual([end, end]);

    emulator.state.advanceClock(emulator.state.config.tokenLifetimeSeconds);
    await h.refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token));

    const renewed = await h.chain('bot');
    expect(renewed.version).toBe(2);
    expect(renewed.refreshExpiresAt).toBe(renewed.refreshedAt + PKCE_REFRESH_LIFETIME_MS);
    expect(renewed.refreshedAt).toBeGreaterThan(linked.refreshedAt);
  });

  it('a confidential chain has no end, before or after a refresh', async () => {
    const h = await confidential();
    expect(await ends(h)).toEqual([undefined, undefined]);
    emulator.state.advanceClock(emulator.state.config.tokenLifetimeSeconds);
    await h.refresher.refreshDue();
    expect(await ends(h)).toEqual([undefined, undefined]);
    expect(h.refreshes()).toEqual(['bot:ok', 'user:ok']);
  });
});

describe('refreshing a PKCE chain before it runs out', () => {
  it('refreshes daily although the access token would last 40 days, and stays signed in past 30', async () => {
    emulator.state.configure({ tokenLifetimeSeconds: 40 * DAY });
    const h = await pkce();

    for (let day = 1; day <= 35; day++) {
      // The floor is 24 h; the alarm comes a minute later.
      emulator.state.advanceClock(DAY + 60);
      await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 2, failed: 0 });
    }

    expect(h.refreshes()).toHaveLength(70);
    expect(h.refreshes().every((entry) => entry.endsWith(':ok'))).toBe(true);
    const bot = await h.chain('bot');
    expect(bot.refreshExpiresAt).toBe(bot.refreshedAt + PKCE_REFRESH_LIFETIME_MS);
    expect(await h.status()).toBe('connected');
  });

  it('after 28 days with the browser closed, the first alarm renews it and nothing is left to warn of', async () => {
    const h = await pkce();
    const created = vi.spyOn(browser.notifications, 'create');
    emulator.state.advanceClock(28 * DAY);
    // At start, before any refresh ran, the badge already says it is at risk.
    await h.health.updateBadge();
    expect(await badge()).toBe('!');

    await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 2, failed: 0 });

    expect(await badge()).toBe('');
    expect(created).not.toHaveBeenCalled();
  });

  it('near the end, 40 concurrent calls still refresh each chain once', async () => {
    const h = await pkce();
    emulator.state.advanceClock(28 * DAY);
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        h.refresher.withToken(h.account.id, i % 2 ? 'user' : 'bot', (token) => h.authTest(token)),
      ),
    );
    expect(h.refreshes().sort()).toEqual(['bot:ok', 'user:ok']);
    expect((await h.chain('bot')).version).toBe(2);
  });

  it('a warning that cannot be shown does not cost the refresh', async () => {
    const h = await pkce();
    const refresher = h.make({ onRunningOut: () => Promise.reject(new Error('notifications unavailable')) });
    emulator.state.advanceClock(28 * DAY);

    await expect(refresher.withToken(h.account.id, 'bot', (token) => h.authTest(token))).resolves.toMatchObject({
      ok: true,
    });
    expect(h.refreshes()).toEqual(['bot:ok']);
    expect((await h.chain('bot')).version).toBe(2);
  });
});

describe('warning a few days before a PKCE sign-in runs out', () => {
  it('warns once, 3 days before, while refreshing keeps failing, and takes it back once a refresh works', async () => {
    const h = await pkce();
    const endsAt = (await h.chain('bot')).refreshExpiresAt ?? 0;
    refreshFails();
    const created = vi.spyOn(browser.notifications, 'create');

    emulator.state.advanceClock(27 * DAY - 60);
    await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 0, failed: 2 });
    expect(created).not.toHaveBeenCalled();
    expect(await badge()).toBe('');

    emulator.state.advanceClock(120);
    await h.refresher.refreshDue();

    const day = new Date(endsAt).toLocaleDateString(undefined, { dateStyle: 'medium' });
    expect(created).toHaveBeenCalledTimes(1);
    expect(created).toHaveBeenCalledWith(`${RECONNECT_NOTIFICATION_PREFIX}${h.account.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: "Acme Corp's sign-in ends soon",
      message: `Courier couldn't renew the sign-in for Acme Corp, so Slack will end it on ${day}. Make sure this browser can reach Slack, or reconnect Acme Corp before then.`,
    });
    expect(await badge()).toBe('!');
    expect(await browser.action.getTitle({})).toBe("Courier for Slack: 1 workspace's sign-in ends soon");
    // It still works until then: the label stays.
    expect(await h.status()).toBe('connected');

    // Dismissed, it is not shown again for the same end, however many alarms fail.
    await browser.notifications.clear(`${RECONNECT_NOTIFICATION_PREFIX}${h.account.id}`);
    await h.refresher.refreshDue();
    emulator.state.advanceClock(DAY);
    await h.refresher.refreshDue();
    expect(created).toHaveBeenCalledTimes(1);
    expect(await badge()).toBe('!');

    emulator.state.faults.clear();
    await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 2, failed: 0 });
    expect(await badge()).toBe('');
    expect(await notices()).toEqual([]);
  });

  it('says nothing for a confidential chain failing just as long', async () => {
    const h = await confidential();
    refreshFails();
    const created = vi.spyOn(browser.notifications, 'create');
    for (let day = 1; day <= 29; day++) {
      emulator.state.advanceClock(DAY);
      await h.refresher.refreshDue();
    }
    expect(created).not.toHaveBeenCalled();
    await h.health.updateBadge();
    expect(await badge()).toBe('');
    expect(await h.status()).toBe('connected');
  });
});

describe('a PKCE sign-in that ran out', () => {
  it('needs a reconnect, with the reason in words', async () => {
    const h = await pkce();
    emulator.state.advanceClock(30 * DAY + 1);

    await expect(h.refresher.refreshDue()).resolves.toEqual({ refreshed: 0, failed: 2 });

    expect(h.refreshes()).toEqual(['bot:invalid_refresh_token', 'user:invalid_refresh_token']);
    expect(h.terminal).toEqual(['bot:refresh_token_ran_out', 'user:refresh_token_ran_out']);
    const account = await h.store.accounts.get(h.account.id);
    expect(account).toMatchObject({ status: 'needs_reconnect', reason: RAN_OUT });
    expect(await badge()).toBe('!');
    const shown = await browser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([`${RECONNECT_NOTIFICATION_PREFIX}${h.account.id}`]);
    expect(Object.values(shown)[0]).toMatchObject({
      title: 'Acme Corp needs reconnecting',
      message: `${RAN_OUT} Click to open Courier's workspaces.`,
    });

    const call = h.refresher.withToken(h.account.id, 'bot', () => Promise.resolve('unreached'));
    await expect(call).rejects.toSatisfy(
      (error) =>
        error instanceof CourierFailure && error.kind === 'needs_reconnect' && /sign-in ran out/.test(error.message),
    );
  });

  it('is told apart from a refresh token revoked before its 30 days', async () => {
    const h = await pkce();
    emulator.state.revokeTeam(ACME, 'bot');
    emulator.state.advanceClock(29 * DAY);

    await h.refresher.refreshDue();

    expect(h.terminal).toEqual(['bot:invalid_refresh_token']);
    expect((await h.store.accounts.get(h.account.id))?.reason).toMatch(/needs to reconnect: .*revoked/);
  });
});
