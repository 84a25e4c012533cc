import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary, MessageType, OutboxView, PresenceView, ScheduledView, UnreadList } from '@/lib/protocol';
import { formatWhen } from '../When';
import { QuickActions } from './QuickActions';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));
// The Status section is its own script, tested in StatusSection.test.tsx.
vi.mock('./status-slot', () => ({ StatusSlot: () => null }));
const askMock = vi.mocked(ask) as unknown as Mock<
  (type: MessageType, payload: Record<string, string>) => Promise<unknown>
>;

const account = (id: string, teamName: string, extra: Partial<AccountSummary> = {}): AccountSummary => ({
  id,
  profileId: 'prof-1',
  teamId: `T-${id}`,
  teamName,
  botScopes: [],
  userScopes: [],
  status: 'connected',
  ...extra,
});

const acme = account('acc-1', 'Acme Corp');
const globex = account('acc-2', 'Globex', {
  status: 'needs_reconnect',
  reason: 'Globex needs to reconnect: its token was revoked, or the app was removed from the workspace.',
});

let presence: PresenceView[];
let scheduled: ScheduledView[];
let outbox: OutboxView[];
let unread: UnreadList[];

beforeEach(() => {
  presence = [
    { accountId: 'acc-1', teamName: 'Acme Corp', presence: 'active', canSet: true },
    { accountId: 'acc-2', teamName: 'Globex', presence: 'unknown', canSet: false },
  ];
  scheduled = [
    {
      accountId: 'acc-1',
      teamName: 'Acme Corp',
      id: 'Q1',
      channel: 'C1',
      label: '#general',
      postAt: 1_900_000_000,
      text: 'Later &amp; <https://example.com|Example>',
    },
  ];
  outbox = [];
  unread = [];
  askMock.mockReset();
  askMock.mockImplementation((type: MessageType, payload: Record<string, string>) => {
    switch (type) {
      case 'presence.list':
        return Promise.resolve(presence);
      case 'presence.set': {
        const view = presence.find((p) => p.accountId === payload.accountId)!;
        return Promise.resolve({ ...view, presence: payload.presence === 'away' ? 'away' : 'active' });
      }
      case 'scheduled.list':
        return Promise.resolve({ items: scheduled, unread });
      case 'scheduled.cancel':
        scheduled = scheduled.filter((item) => item.id !== payload.id);
        return Promise.resolve(null);
      case 'outbox.list':
        return Promise.resolve(outbox);
      case 'workspaces.connect':
        return Promise.resolve(globex);
      default:
        return Promise.reject(new Error(`unexpected ${type}`));
    }
  });
});

afterEach(() => cleanup());

async function settle() {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('QuickActions', () => {
  it('shows each workspace’s health, with Reconnect where needed', async () => {
    render(<QuickActions accounts={[acme, globex]} revision={0} />);
    await settle();
    const list = screen.getByRole('list', { name: 'Linked workspaces' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first!.textContent).toContain('Connected');
    expect(within(first!).queryByRole('button', { name: /Reconnect/ })).toBeNull();
    expect(second!.textContent).toContain('Needs reconnect');
    fireEvent.click(within(second!).getByRole('button', { name: 'Reconnect Globex' }));
    await settle();
    expect(askMock).toHaveBeenCalledWith('workspaces.connect', { profileId: 'prof-1', team: 'T-acc-2' });
  });

  it('toggles presence between Active and Away, named per workspace when several', async () => {
    render(<QuickActions accounts={[acme, globex]} revision={0} />);
    await settle();
    const toggle = screen.getByRole('switch', { name: 'Presence (Acme Corp)' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(toggle.textContent).toBe('Active');
    fireEvent.click(toggle);
    await settle();
    expect(askMock).toHaveBeenCalledWith('presence.set', { accountId: 'acc-1', presence: 'away' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(toggle.textContent).toBe('Away');
    fireEvent.click(toggle);
    await settle();
    expect(askMock).toHaveBeenLastCalledWith('presence.set', { accountId: 'acc-1', presence: 'auto' });
    expect(toggle.textContent).toBe('Active');

    const globexToggle = screen.getByRole<HTMLButtonElement>('switch', { name: 'Presence (Globex)' });
    expect(globexToggle.disabled).toBe(true);
    expect(globexToggle.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('names the switch just "Presence" with one workspace', async () => {
    render(<QuickActions accounts={[acme]} revision={0} />);
    await settle();
    expect(screen.getByRole('switch', { name: 'Presence' })).toBeTruthy();
  });

  it('lists scheduled messages as a person reads them, and cancels one', async () => {
    render(<QuickActions accounts={[acme]} revision={0} />);
    await settle();
    const list = screen.getByRole('list', { name: 'Scheduled messages' });
    expect(list.textContent).toContain('#general');
    expect(list.textContent).toContain('Later & Example');
    expect(within(list).getByRole('link', { name: 'Example' }).getAttribute('href')).toBe('https://example.com/');
    fireEvent.click(within(list).getByRole('button', { name: 'Cancel' }));
    await settle();
    expect(askMock).toHaveBeenCalledWith('scheduled.cancel', { accountId: 'acc-1', channel: 'C1', id: 'Q1' });
    expect(screen.getByText('Nothing scheduled.')).toBeTruthy();
    expect(screen.getByText(/^Cancelled the message to #general/)).toBeTruthy();
  });

  it('never says "Nothing scheduled." while a workspace\'s list could not be read', async () => {
    scheduled = [];
    unread = [
      {
        accountId: 'acc-1',
        teamName: 'Acme',
        reason: "Courier can't read Acme's scheduled messages until it reconnects.",
      },
    ];
    render(<QuickActions accounts={[acme]} revision={0} />);
    await settle();
    expect(screen.getByText("Courier can't read Acme's scheduled messages until it reconnects.")).toBeTruthy();
    expect(screen.queryByText('Nothing scheduled.')).toBeNull();
  });

  it('lists the whole outbox, with reasons and actions, and reloads it after a send', async () => {
    const view = render(<QuickActions accounts={[acme]} revision={0} />);
    await settle();
    expect(screen.getByTestId('outbox-count').textContent).toBe('Nothing waiting to send.');
    expect(screen.queryByRole('list', { name: 'Outbox items' })).toBeNull();
    outbox = [
      {
        id: 'o1',
        accountId: 'acc-1',
        channel: 'C1',
        label: '#general',
        text: 'x',
        state: 'pending',
        reason: 'Slack could not be reached.',
        createdAt: 1,
        attempts: 1,
      },
      {
        id: 'o2',
        accountId: 'acc-1',
        channel: 'C2',
        label: '#random',
        text: 'y',
        state: 'failed',
        reason: 'The channel is archived.',
        createdAt: 1,
        attempts: 3,
      },
    ];
    view.rerender(<QuickActions accounts={[acme]} revision={1} />);
    await settle();
    const link = screen.getByRole<HTMLAnchorElement>('link', { name: '1 waiting to send, 1 failed' });
    expect(link.getAttribute('href')).toBe('/options.html#outbox');
    const rows = within(screen.getByRole('list', { name: 'Outbox items' })).getAllByRole('listitem');
    expect(rows.map((row) => row.querySelector('p')?.textContent)).toEqual([
      `#general · Waiting after 1 attempt · ${formatWhen(1)}`,
      `#random · Failed after 3 attempts · ${formatWhen(1)}`,
    ]);
    expect(rows[1]?.textContent).toContain('The channel is archived.');
    for (const name of ['Retry', 'Edit', 'Discard'])
      expect(within(rows[1]!).getByRole('button', { name })).toBeTruthy();
  });
});
