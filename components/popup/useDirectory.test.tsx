import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DirectoryIndex } from '@/lib/directory/directory-index';
import { firstRead, readMirror, writeMirror, type FirstRead } from '@/lib/directory/mirror';
import { ask } from '@/lib/messaging/ask';
import { bumpRevision } from '@/lib/platform/revision';
import { openCourierDB } from '@/lib/store/db';
import { channelDirectory } from '@/lib/directory/testing/records';
import { useDirectory } from './useDirectory';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));

const record = (accountId: string, names: string[], refreshedAt = 1) =>
  channelDirectory(
    accountId,
    accountId,
    names.map((name) => ({ id: name, name })),
    refreshedAt,
  );

const namesIn = (index: DirectoryIndex) =>
  Array.from({ length: index.count }, (_, position) => index.targetAt(position).name);

function Probe({ started }: { started?: FirstRead }) {
  const view = useDirectory(started);
  return (
    <p data-testid="probe">
      {view.status === 'ready' ? `${view.workspaces}:${namesIn(view.index).join(',')}` : view.status}
    </p>
  );
}

afterEach(() => cleanup());

describe('useDirectory', () => {
  it('shows the cache at once, asks for a refresh, and follows the background’s rewrites', async () => {
    vi.mocked(ask).mockResolvedValue({ refreshed: 0 });
    const db = await openCourierDB();
    await db.put('directory', record('acc-1', ['general', 'random']));
    render(<Probe />);
    await vi.waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('1:general,random'));
    expect(ask).toHaveBeenCalledWith('directory.refresh', {});

    await db.put('directory', record('acc-2', ['ops']));
    await act(() => bumpRevision('directory'));
    await vi.waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('2:general,ops,random'));
    db.close();
  });

  it("keeps the popup's copy: a stale copy is replaced by what the cache holds, when idle", async () => {
    vi.mocked(ask).mockResolvedValue({ refreshed: 0 });
    const db = await openCourierDB();
    await db.put('directory', record('acc-1', ['general'], 5));
    writeMirror([record('acc-1', ['old-name'], 2)]);
    render(<Probe started={firstRead()} />);
    await vi.waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('1:general'));
    await vi.waitFor(() => expect(readMirror()).toEqual([record('acc-1', ['general'], 5)]));

    // A page that reads the cache without a first read (options, the picker) leaves the copy alone.
    await db.put('directory', record('acc-1', ['renamed'], 6));
    cleanup();
    render(<Probe />);
    await vi.waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('1:renamed'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readMirror()).toEqual([record('acc-1', ['general'], 5)]);
    db.close();
  });

  it('is ready and empty before the background has written anything, and creates no database', async () => {
    vi.mocked(ask).mockRejectedValue(new Error('no worker'));
    render(<Probe />);
    await vi.waitFor(() => expect(screen.getByTestId('probe').textContent).toBe('0:'));
    expect((await indexedDB.databases()).map((info) => info.name)).not.toContain('courier');
  });
});
