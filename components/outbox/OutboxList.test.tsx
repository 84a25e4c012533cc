import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ask } from '@/lib/messaging/ask';
import { channelDirectory } from '@/lib/directory/testing/records';
import type { MessageType, OutboxView } from '@/lib/protocol';
import { openCourierDB } from '@/lib/store/db';
import { OutboxItems, useOutbox } from './OutboxList';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));

const failed: OutboxView = {
  id: 'o1',
  accountId: 'acc-1',
  channel: 'C1',
  label: '#old-project',
  text: 'Hello &amp; <https://example.com/a|welcome>',
  state: 'failed',
  reason: 'The channel is archived.',
  createdAt: 1,
  attempts: 1,
};
const file: OutboxView = {
  id: 'o2',
  accountId: 'acc-1',
  channel: 'C2',
  label: '#general',
  text: '',
  state: 'pending',
  createdAt: 2,
  attempts: 2,
  nextAttemptAt: new Date(2030, 0, 1, 12, 3, 5).getTime(),
  file: { name: 'report.pdf', size: 50_000 },
};

function Outbox() {
  const [items] = useOutbox();
  return items.status === 'done' ? <OutboxItems items={items.value} /> : <p>{items.status}</p>;
}

const calls = (type: MessageType) =>
  vi
    .mocked(ask)
    .mock.calls.filter(([t]) => t === type)
    .map(([, payload]) => payload);

beforeEach(async () => {
  vi.mocked(ask).mockReset();
  vi.mocked(ask).mockImplementation((type: MessageType) =>
    Promise.resolve(type === 'outbox.list' ? [failed, file] : type === 'outbox.retryNow' ? { delivered: 1 } : null),
  );
  const db = await openCourierDB();
  await db.put(
    'directory',
    channelDirectory('acc-1', 'Acme Corp', [
      { id: 'C1', name: 'old-project' },
      { id: 'C3', name: 'engineering' },
    ]),
  );
  db.close();
});

afterEach(() => cleanup());

describe('the outbox list', () => {
  it('shows each item with its state, reason, and a file with its name and size', async () => {
    render(<Outbox />);
    const list = await screen.findByRole('list', { name: 'Outbox items' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first?.textContent).toContain('#old-project · Failed after 1 attempt');
    expect(first?.textContent).toContain('The channel is archived.');
    // The message as Slack will show it, not its markup.
    expect(first?.querySelector('.outbox-text')?.textContent).toBe('Hello & welcome');
    const link = within(first!).getByRole('link', { name: 'welcome' });
    expect(link.getAttribute('href')).toBe('https://example.com/a');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(second?.textContent).toContain('Waiting after 2 attempts');
    expect(second?.textContent).toContain('File: report.pdf (48.8 KB)');
    for (const name of ['Edit', 'Retry', 'Discard']) expect(within(first!).getByRole('button', { name })).toBeTruthy();
    // A waiting item says when Courier tries by itself, and offers only to go now.
    expect(second?.textContent).toMatch(/Courier tries again at 12:03:05/);
    expect(within(second!).getByRole('button', { name: 'Try now' })).toBeTruthy();
    expect(within(second!).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('a send waiting for its workspace says so in short, not the reconnect reason again', async () => {
    vi.mocked(ask).mockImplementation((type: MessageType) =>
      Promise.resolve(
        type === 'outbox.list'
          ? [{ ...failed, waitsForReconnect: true, reason: 'Acme needs to reconnect: its token was revoked.' }]
          : null,
      ),
    );
    render(<Outbox />);
    const list = await screen.findByRole('list', { name: 'Outbox items' });
    expect(list.textContent).toContain('Needs reconnect: it goes out by itself once its workspace is reconnected.');
    expect(list.textContent).not.toContain('its token was revoked');
  });

  it('Edit retargets with the channel picker and sends the new text and target', async () => {
    render(<Outbox />);
    const list = await screen.findByRole('list', { name: 'Outbox items' });
    const row = within(list).getAllByRole('listitem')[0]!;
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    fireEvent.input(within(row).getByLabelText('Message'), { target: { value: 'Moved' } });
    const picker = await within(row).findByRole<HTMLInputElement>('combobox', { name: 'Channel' });
    fireEvent.focus(picker);
    fireEvent.input(picker, { target: { value: 'engin' } });
    fireEvent.keyDown(picker, { key: 'Enter' });
    fireEvent.click(within(row).getByRole('button', { name: 'Save and send' }));
    await act(() => Promise.resolve());

    expect(calls('outbox.edit')).toEqual([
      {
        id: 'o1',
        text: 'Moved',
        target: { key: 'acc-1:C3', accountId: 'acc-1', id: 'C3', label: '#engineering' },
      },
    ]);
    expect(await screen.findByText('Saved; sending to #engineering.')).toBeTruthy();
  });

  it('an edit that keeps the target sends no target; Retry and Discard name the item', async () => {
    render(<Outbox />);
    const row = within(await screen.findByRole('list', { name: 'Outbox items' })).getAllByRole('listitem')[0]!;
    fireEvent.click(within(row).getByRole('button', { name: 'Edit' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Save and send' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Retry' }));
    fireEvent.click(within(row).getByRole('button', { name: 'Discard' }));
    await act(() => Promise.resolve());

    expect(calls('outbox.edit')).toEqual([{ id: 'o1', text: failed.text }]);
    expect(calls('outbox.retry')).toEqual([{ id: 'o1' }]);
    expect(calls('outbox.discard')).toEqual([{ id: 'o1' }]);
  });

  it('back online, asks the background to send what waits', async () => {
    render(<Outbox />);
    await screen.findByRole('list', { name: 'Outbox items' });
    expect(calls('outbox.retryNow')).toEqual([]);
    globalThis.dispatchEvent(new Event('online'));
    expect(calls('outbox.retryNow')).toEqual([{}]);
  });
});
