import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  favouriteTargets,
  historyRetentionDays,
  recentConsoleRuns,
  recentTargets,
  siteRules,
  sitesNeedingAccess,
} from './settings';

const run = { accountId: 'a', teamName: 'Acme', actionId: 'x', title: 'X', input: {}, at: 1, ok: true };

describe('settings', () => {
  it('keep the storage.local keys they had before, so nobody loses anything', () => {
    expect(
      [historyRetentionDays, recentTargets, favouriteTargets, recentConsoleRuns, sitesNeedingAccess, siteRules].map(
        ({ key, version }) => [key, version],
      ),
    ).toEqual([
      ['history-retention-days', 1],
      ['recent-targets', 1],
      ['favourite-targets', 1],
      ['console:recent', 1],
      ['sites-needing-access', 1],
      ['site-rules', 1],
    ]);
  });

  it('read their default when nothing is stored', async () => {
    await expect(historyRetentionDays.getValue()).resolves.toBe(30);
    await expect(recentTargets.getValue()).resolves.toEqual([]);
    await expect(favouriteTargets.getValue()).resolves.toEqual([]);
    await expect(recentConsoleRuns.getValue()).resolves.toEqual([]);
    await expect(sitesNeedingAccess.getValue()).resolves.toEqual([]);
    await expect(siteRules.getValue()).resolves.toEqual([]);
  });

  it('read values written before this module, under the same keys', async () => {
    await fakeBrowser.storage.local.set({
      'history-retention-days': 7,
      'recent-targets': [{ key: 'p1:T1:C1', label: '#general' }],
      'favourite-targets': ['p1:T1:C1'],
      'console:recent': [run],
      'sites-needing-access': ['https://cdn.example.com/*'],
    });
    await expect(historyRetentionDays.getValue()).resolves.toBe(7);
    await expect(recentTargets.getValue()).resolves.toEqual([{ key: 'p1:T1:C1', label: '#general' }]);
    await expect(favouriteTargets.getValue()).resolves.toEqual(['p1:T1:C1']);
    await expect(recentConsoleRuns.getValue()).resolves.toEqual([run]);
    await expect(sitesNeedingAccess.getValue()).resolves.toEqual(['https://cdn.example.com/*']);
  });

  it('leave out what does not have their shape', async () => {
    await fakeBrowser.storage.local.set({
      'history-retention-days': -3,
      'recent-targets': [{ key: 'p1:T1:C1', label: '#general' }, { key: 5 }, null, 'x'],
      'favourite-targets': ['p1:T1:C1', 7],
      'console:recent': 'not a list',
      'sites-needing-access': [null, 'https://cdn.example.com/*'],
    });
    await expect(historyRetentionDays.getValue()).resolves.toBe(30);
    await expect(recentTargets.getValue()).resolves.toEqual([{ key: 'p1:T1:C1', label: '#general' }]);
    await expect(favouriteTargets.getValue()).resolves.toEqual(['p1:T1:C1']);
    await expect(recentConsoleRuns.getValue()).resolves.toEqual([]);
    await expect(sitesNeedingAccess.getValue()).resolves.toEqual(['https://cdn.example.com/*']);
  });

  it('keep site rules of their shape and leave out the rest', async () => {
    const rule = { site: 'github.com/acme', key: 'p1:T1:C1', label: '#general' };
    await fakeBrowser.storage.local.set({
      'site-rules': [
        rule,
        { site: '', key: 'k', label: 'L' },
        { site: 'x.com', key: 1, label: 'L' },
        null,
        'github.com',
      ],
    });
    await expect(siteRules.getValue()).resolves.toEqual([rule]);
    await fakeBrowser.storage.local.set({ 'site-rules': { site: 'github.com' } });
    await expect(siteRules.getValue()).resolves.toEqual([]);
    await siteRules.setValue([rule]);
    expect(await fakeBrowser.storage.local.get('site-rules')).toEqual({ 'site-rules': [rule] });
  });

  it('write the value as is under their key', async () => {
    await favouriteTargets.setValue(['b', 'a']);
    expect(await fakeBrowser.storage.local.get('favourite-targets')).toEqual({ 'favourite-targets': ['b', 'a'] });
  });

  it('tell a watcher each change, parsed, until it stops', async () => {
    const seen = vi.fn();
    const stop = recentTargets.watch(seen);
    await fakeBrowser.storage.local.set({ 'recent-targets': [{ key: 'k', label: 'L' }, { bad: true }] });
    await fakeBrowser.storage.local.set({ 'favourite-targets': ['k'] });
    await fakeBrowser.storage.session.set({ 'recent-targets': [] });
    await fakeBrowser.storage.local.remove('recent-targets');
    stop();
    await recentTargets.setValue([{ key: 'later', label: 'Later' }]);
    expect(seen.mock.calls).toEqual([[[{ key: 'k', label: 'L' }]], [[]]]);
  });
});
