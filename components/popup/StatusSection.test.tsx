import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary, MessageType, StatusResult, StatusView } from '@/lib/protocol';
import { formatExpiry, StatusSection } from './StatusSection';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));
const askMock = vi.mocked(ask) as unknown as Mock<
  (type: MessageType, payload: Record<string, unknown>) => Promise<unknown>
>;

const acme: StatusView = {
  accountId: 'acc-1',
  teamName: 'Acme Corp',
  status: { emoji: ':calendar:', text: 'In a meeting', expiration: 1_900_000_000 },
  timeZone: 'Europe/Berlin',
  canSet: true,
  canAway: true,
  canPause: false,
};
const globex: StatusView = {
  accountId: 'acc-2',
  teamName: 'Globex',
  status: { emoji: '', text: '', expiration: 0 },
  canSet: false,
  canAway: false,
  canPause: false,
};
const globexAccount = {
  id: 'acc-2',
  profileId: 'prof-1',
  teamId: 'T2',
  teamName: 'Globex',
  botScopes: [],
  userScopes: [],
  status: 'connected',
} satisfies AccountSummary;

let results: StatusResult[];
beforeEach(() => {
  fakeBrowser.reset();
  results = [];
  askMock.mockReset();
  askMock.mockImplementation((type) => {
    switch (type) {
      case 'status.list':
        return Promise.resolve([acme, globex]);
      case 'status.set':
        return Promise.resolve(results);
      case 'accounts.list':
        return Promise.resolve([globexAccount]);
      case 'workspaces.connect':
        return Promise.resolve(globexAccount);
      default:
        return Promise.reject(new Error(`unexpected ${type}`));
    }
  });
});
afterEach(cleanup);

const region = () => screen.getByRole('region', { name: 'Status' });

describe('StatusSection', () => {
  it("shows each workspace's status with its expiry in the person's time zone", async () => {
    render(<StatusSection />);
    const list = await within(region()).findByRole('list', { name: 'Your status in each workspace' });
    const [first, second] = within(list).getAllByRole('listitem');
    expect(first?.textContent).toContain('Acme Corp');
    expect(first?.textContent).toContain('In a meeting');
    expect(first?.textContent).toContain(formatExpiry(1_900_000_000, 'Europe/Berlin'));
    expect(formatExpiry(1_900_000_000, 'Europe/Berlin')).toMatch(/GMT\+1|CET/);
    expect(second?.textContent).toContain('No status');
    expect(second?.textContent).toContain('Setting a status here needs users.profile:write.');
  });

  it('applies a preset to all linked workspaces, with away and pause, and shows each result', async () => {
    results = [
      { accountId: 'acc-1', teamName: 'Acme Corp', ok: true },
      {
        accountId: 'acc-2',
        teamName: 'Globex',
        ok: false,
        missing: ['users.profile:write'],
        message: 'Setting a status needs a user token with users.profile:write. Reconnect Globex with it.',
      },
    ];
    render(<StatusSection />);
    const lunch = await screen.findByRole('button', { name: /Lunch/ });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Set me away' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Pause notifications' }));
    const before = Math.floor(Date.now() / 1000);
    fireEvent.click(lunch);
    const outcome = await screen.findByRole('list', { name: 'Status results' });
    const [, payload] = askMock.mock.calls.find(([type]) => type === 'status.set')!;
    expect(payload).toMatchObject({
      accountIds: ['acc-1', 'acc-2'],
      status: { emoji: ':knife_fork_plate:', text: 'Lunch' },
      away: true,
      pause: true,
    });
    const { expiration } = (payload as { status: { expiration: number } }).status;
    expect(expiration - before).toBeGreaterThanOrEqual(1799);
    expect(expiration - before).toBeLessThanOrEqual(1801);
    expect(outcome.textContent).toContain('Acme Corp: set.');
    expect(outcome.textContent).toContain('Globex: not set. Setting a status needs');
    // Pausing asks for dnd:write where the token lacks it.
    expect(region().textContent).toContain('Pausing notifications here needs dnd:write.');
  });

  it('sets one workspace only, clears, and reconnects with the missing scopes', async () => {
    render(<StatusSection />);
    const where = await screen.findByRole('combobox', { name: 'Set in' });
    fireEvent.change(where, { target: { value: 'acc-1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Clear status' }));
    await waitFor(() => expect(askMock.mock.calls.some(([type]) => type === 'status.set')).toBe(true));
    const [, payload] = askMock.mock.calls.find(([type]) => type === 'status.set')!;
    expect(payload).toEqual({
      accountIds: ['acc-1'],
      status: { emoji: '', text: '', expiration: 0 },
      away: false,
      pause: false,
    });

    fireEvent.click(screen.getByRole('button', { name: 'Reconnect Globex with users.profile:write' }));
    await screen.findByText('Reconnected Globex.');
    expect(askMock).toHaveBeenCalledWith('workspaces.connect', {
      profileId: 'prof-1',
      team: 'T2',
      extraScopes: { bot: [], user: ['users.profile:write'] },
    });
  });

  it('shows the presets from the setting', async () => {
    await fakeBrowser.storage.local.set({
      'status-presets': [{ emoji: ':coffee:', text: 'Coffee', until: { kind: 'minutes', minutes: 15 } }],
    });
    render(<StatusSection />);
    const group = await screen.findByRole('group', { name: 'Status presets' });
    await waitFor(() =>
      expect(
        within(group)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual([':coffee: Coffee (15 minutes)', 'Clear status']),
    );
  });
});
