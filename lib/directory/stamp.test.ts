import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openStore } from '../store/store';
import { publishStamp, readPublishedStamp, STAMP_KEY } from './stamp';
import { channelDirectory } from './testing/records';

describe('the published stamp of the directory cache', () => {
  it('names each workspace’s version from the index alone, and is rewritten only when it changed', async () => {
    const store = await openStore();
    await store.directory.put(channelDirectory('acc-2', 'Beta', [{ id: 'C2', name: 'ops' }], 7));
    await store.directory.put(channelDirectory('acc-1', 'Acme', [{ id: 'C1', name: 'general' }], 3));
    // Of another format: the popup reads none of it, so it is not part of what a copy must match.
    await store.directory.put({ ...channelDirectory('acc-3', 'Old', [], 9), format: 0 });
    await expect(readPublishedStamp()).resolves.toBeUndefined();

    await publishStamp(store.directory, fakeBrowser.storage.local);
    await expect(readPublishedStamp()).resolves.toBe('acc-1@3,acc-2@7');

    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await publishStamp(store.directory, fakeBrowser.storage.local);
    expect(set).not.toHaveBeenCalled();

    await store.directory.put(channelDirectory('acc-1', 'Acme', [{ id: 'C1', name: 'general' }], 8));
    await publishStamp(store.directory, fakeBrowser.storage.local);
    expect((await fakeBrowser.storage.local.get(STAMP_KEY))[STAMP_KEY]).toBe('acc-1@8,acc-2@7');
  });

  it('reads as absent when what is stored is not a stamp', async () => {
    await fakeBrowser.storage.local.set({ [STAMP_KEY]: 5 });
    await expect(readPublishedStamp()).resolves.toBeUndefined();
  });
});
