import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCourierDB } from '@/lib/store/db';
import { channelDirectory } from '@/lib/directory/testing/records';
import { startEarlyReads, takeEarlyReads } from './early';

const record = channelDirectory('acc-1', 'Acme Corp', [{ id: 'C1', name: 'general' }]);

/** The browser's own `chrome.tabs`, as Chromium has it (the early script runs without the polyfill). */
function nativeTabs(tabs: { url?: string; title?: string; id?: number }[]) {
  const query = vi.fn(() => Promise.resolve(tabs));
  vi.stubGlobal('browser', undefined);
  vi.stubGlobal('chrome', { tabs: { query } });
  return query;
}

afterEach(() => {
  vi.unstubAllGlobals();
  takeEarlyReads();
});

describe('startEarlyReads and takeEarlyReads', () => {
  it("hand the directory and the current tab, read by the popup's first script, to its UI once", async () => {
    const db = await openCourierDB();
    await db.put('directory', record);
    db.close();
    const query = nativeTabs([{ id: 7, url: 'https://example.com/a', title: ' A page ' }]);
    expect(takeEarlyReads()).toBeUndefined();

    startEarlyReads('');
    const reads = takeEarlyReads();
    expect(takeEarlyReads()).toBeUndefined();
    await expect(reads?.directory.records).resolves.toEqual([record]);
    await expect(reads?.page).resolves.toEqual({
      share: { kind: 'page', title: 'A page', url: 'https://example.com/a' },
      tabId: 7,
    });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  });

  it('reads no tab for a page that names its share, and none that is not a web page', async () => {
    const query = nativeTabs([{ id: 1, url: 'chrome://settings' }]);
    startEarlyReads('?share=%7B%7D');
    expect(takeEarlyReads()?.page).toBeUndefined();
    expect(query).not.toHaveBeenCalled();

    startEarlyReads('');
    await expect(takeEarlyReads()?.page).resolves.toBeNull();
  });
});
