import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openCourierDB } from '../store/db';
import { toColumns } from './columns';
import { decodeMirror, dropMirror, encodeMirror, firstRead, readMirror, writeMirror } from './mirror';
import { directoryStamp, STAMP_KEY } from './stamp';
import { channelDirectory } from './testing/records';

// Kinds and flags of 2 hold the character that ends the header: the layout must not split on them.
const people = {
  accountId: 'acc-2',
  teamName: 'Beta',
  refreshedAt: 7,
  ...toColumns([
    { key: 'acc-2:U1', accountId: 'acc-2', teamName: 'Beta', id: 'U1', kind: 'user', name: 'zoë', realName: 'Zoë Ö' },
    { key: 'acc-2:C9', accountId: 'acc-2', teamName: 'Beta', id: 'C9', kind: 'channel', name: 'x', isMember: true },
  ]),
};
const records = [channelDirectory('acc-1', 'Acme', [{ id: 'C1', name: 'general' }]), people];

beforeEach(() => localStorage.clear());

describe('the popup copy of the directory', () => {
  it('reads back exactly what was written, several workspaces alike', () => {
    expect(people.flags).toContain(2);
    expect(decodeMirror(encodeMirror(records))).toEqual(records);
    expect(writeMirror(records)).toBe(true);
    expect(readMirror()).toEqual(records);
  });

  it('reads as absent when of another layout, cut short or damaged', () => {
    const text = encodeMirror(records);
    expect(decodeMirror(text.replace(/"layout":"[^"]*"/, '"layout":"0.0"'))).toBeUndefined();
    expect(decodeMirror(text.slice(0, -1))).toBeUndefined();
    expect(decodeMirror(`${text}x`)).toBeUndefined();
    expect(decodeMirror('not a copy')).toBeUndefined();
    localStorage.setItem('courier-directory', '{"layout"');
    expect(readMirror()).toBeUndefined();
  });

  it('removes the copy when the new one does not fit, so a stale one is never read', () => {
    writeMirror(records);
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: (key: string) => localStorage.removeItem(key),
      getItem: (key: string) => localStorage.getItem(key),
    } as unknown as Storage;
    expect(writeMirror([records[0]!], full)).toBe(false);
    expect(readMirror()).toBeUndefined();
  });

  it('is dropped on request and when there is no directory', () => {
    writeMirror(records);
    dropMirror();
    expect(readMirror()).toBeUndefined();
    writeMirror(records);
    writeMirror([]);
    expect(localStorage.getItem('courier-directory')).toBeNull();
  });

  it('is the first read only under the stamp the background published; IndexedDB otherwise', async () => {
    // The cache holds one workspace, the copy two: whatever shows says which was read.
    const db = await openCourierDB();
    await db.put('directory', records[0]!);
    db.close();
    const cold = firstRead();
    expect(cold.copied).toBeUndefined();
    await expect(cold.records).resolves.toEqual([records[0]]);

    writeMirror(records);
    const unpublished = firstRead();
    expect(unpublished.copied).toBe('acc-1@1,acc-2@7');
    await expect(unpublished.records).resolves.toEqual([records[0]]);

    await fakeBrowser.storage.local.set({ [STAMP_KEY]: directoryStamp(records) });
    await expect(firstRead().records).resolves.toEqual(records);

    // The background wrote a newer directory: the copy is stale and is not shown.
    await fakeBrowser.storage.local.set({ [STAMP_KEY]: 'acc-1@2,acc-2@7' });
    await expect(firstRead().records).resolves.toEqual([records[0]]);
  });
});
