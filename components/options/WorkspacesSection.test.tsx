import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi, type Mock } from 'vitest';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary, MessageType, ProfileView } from '@/lib/protocol';
import { WorkspacesSection } from './WorkspacesSection';

vi.mock('@/lib/messaging/ask', () => ({ ask: vi.fn() }));
const askMock = vi.mocked(ask) as unknown as Mock<(type: MessageType) => Promise<unknown>>;

// Noon UTC, so the day is the same in every time zone the test may run in.
const ENDS = Date.UTC(2027, 0, 6, 12);
const LINE = /^Sign-in renews automatically; if the browser stays closed it lasts until (.+)\.$/;

const account = (id: string, teamName: string, extra: Partial<AccountSummary> = {}): AccountSummary => ({
  id,
  profileId: 'prof-1',
  profileName: 'Courier app',
  teamId: `T-${id}`,
  teamName,
  botScopes: ['chat:write'],
  userScopes: [],
  status: 'connected',
  ...extra,
});

const PROFILE: ProfileView = {
  id: 'prof-1',
  name: 'Courier app',
  baseUrl: 'https://slack.com',
  clientType: 'confidential',
  clientId: '1.2',
  hasSecret: true,
  botScopes: ['chat:write'],
  userScopes: [],
  actions: [],
};

async function rows(accounts: AccountSummary[], profiles: ProfileView[] = [PROFILE]) {
  askMock.mockImplementation((type) =>
    Promise.resolve(type === 'accounts.list' ? accounts : type === 'profiles.list' ? profiles : null),
  );
  render(<WorkspacesSection />);
  await screen.findByRole('table');
  return (name: string) => within(screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement);
}

afterEach(cleanup);

describe('WorkspacesSection', () => {
  it('says until when a PKCE workspace’s sign-in lasts with the browser closed, in the person’s date format', async () => {
    const row = await rows([account('a', 'Acme Corp', { signInEndsAt: ENDS })]);

    const line = row('Acme Corp').getByText(LINE);
    const day = new Date(ENDS).toLocaleDateString(undefined, { dateStyle: 'medium' });
    expect(line.textContent).toBe(`Sign-in renews automatically; if the browser stays closed it lasts until ${day}.`);
    expect(day).toContain('2027');
    // The labels around it stay as they were.
    expect(row('Acme Corp').getByText('Connected')).toBeTruthy();
    expect(row('Acme Corp').getByRole('button', { name: 'Disconnect Acme Corp' }).textContent).toBe('Disconnect');
  });

  it('offers Reconnect only where it would change something: a lost sign-in, or scopes not granted yet', async () => {
    const profile = { ...PROFILE, userScopes: ['users:write'] };
    const row = await rows(
      [
        account('a', 'Acme Corp', { userScopes: ['users:write'] }),
        account('b', 'Globex', { status: 'needs_reconnect', reason: 'Globex needs to reconnect.' }),
        account('c', 'Initech'),
      ],
      [profile],
    );

    expect(row('Acme Corp').queryByRole('button', { name: 'Reconnect Acme Corp' })).toBeNull();
    expect(row('Globex').getByRole('button', { name: 'Reconnect Globex' }).textContent).toBe('Reconnect');
    expect(row('Initech').getByRole('button', { name: 'Reconnect Initech' })).toBeTruthy();
    expect(
      row('Initech').getByText(
        'The profile now asks for users:write, which Initech has not granted yet: reconnect to grant it.',
      ),
    ).toBeTruthy();
  });

  it('offers the next workspace below the linked ones, naming the profile when there are several', async () => {
    await rows([account('a', 'Acme Corp')], [PROFILE, { ...PROFILE, id: 'prof-2', name: 'GovSlack app' }]);

    const names = screen
      .getAllByRole('button', { name: /^Connect another workspace/ })
      .map((button) => button.textContent);
    expect(names).toEqual([
      'Connect another workspace with Courier app',
      'Connect another workspace with GovSlack app',
    ]);
  });

  it('shows no such line for a confidential workspace, nor beside a reason to reconnect', async () => {
    const row = await rows([
      account('a', 'Acme Corp'),
      account('b', 'Globex', {
        status: 'needs_reconnect',
        reason: 'Globex needs to reconnect: its sign-in ran out after 30 days without a refresh.',
        signInEndsAt: ENDS,
      }),
    ]);

    expect(row('Acme Corp').queryByText(LINE)).toBeNull();
    expect(row('Globex').getByText('Needs reconnect')).toBeTruthy();
    expect(row('Globex').getByText(/its sign-in ran out/)).toBeTruthy();
    expect(row('Globex').queryByText(LINE)).toBeNull();
  });
});
