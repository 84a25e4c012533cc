import { dropMirror } from '@/lib/directory/mirror';
import { useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary, ProfileView } from '@/lib/protocol';
import { useRequest } from '../useRequest';
import { STATUS_TEXT } from '../WorkspaceList';
import { SignInEnds } from './SignInEnds';

/** Scopes the profile asks for that Slack has not granted this workspace: added after it was linked. */
export function ungrantedScopes(account: AccountSummary, profile: ProfileView | undefined): string[] {
  if (!profile) return [];
  const missing = (asked: string[], granted: string[]) => asked.filter((scope) => !granted.includes(scope));
  return [...missing(profile.botScopes, account.botScopes), ...missing(profile.userScopes, account.userScopes)];
}

type Say = (text: string, failed: boolean) => void;

/** Work a button starts: busy meanwhile, and its outcome (or failure) said in the section's line. */
function useSaidWork(onMessage: Say): [boolean, (work: () => Promise<string>) => Promise<void>] {
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      onMessage(await work(), false);
    } catch (error) {
      onMessage(error instanceof Error ? error.message : String(error), true);
    } finally {
      setBusy(false);
    }
  };
  return [busy, run];
}

function AccountRow({
  account,
  profile,
  onMessage,
}: {
  account: AccountSummary;
  profile: ProfileView | undefined;
  onMessage: Say;
}) {
  const [busy, run] = useSaidWork(onMessage);
  const reconnect = () =>
    run(async () => {
      const linked = await ask('workspaces.connect', { profileId: account.profileId, team: account.teamId });
      return `Reconnected ${linked.teamName}.`;
    });
  const disconnect = () =>
    run(async () => {
      if (!confirm(`Disconnect ${account.teamName}? Courier revokes its tokens and forgets it.`))
        return 'Nothing changed.';
      const { unrevoked } = await ask('workspaces.disconnect', { accountId: account.id });
      dropMirror();
      return `Disconnected ${account.teamName}.${unrevoked ? ` ${unrevoked}` : ''}`;
    });
  const ungranted = account.status === 'needs_reconnect' ? [] : ungrantedScopes(account, profile);
  // Reconnecting a healthy workspace changes nothing: the button is there only when it would.
  const reconnectHelps = account.status === 'needs_reconnect' || ungranted.length > 0;
  return (
    <tr>
      <th scope="row">{account.teamName}</th>
      <td>{account.profileName ?? ''}</td>
      <td>
        <span class={`status-${account.status}`}>{STATUS_TEXT[account.status]}</span>
        {account.reason && <div class="muted">{account.reason}</div>}
        {ungranted.length > 0 && (
          <div class="muted">
            The profile now asks for {ungranted.join(', ')}, which {account.teamName} has not granted yet: reconnect to
            grant {ungranted.length === 1 ? 'it' : 'them'}.
          </div>
        )}
        <SignInEnds account={account} />
      </td>
      <td>
        <div class="row">
          {reconnectHelps && (
            <button
              type="button"
              onClick={() => void reconnect()}
              disabled={busy}
              aria-label={`Reconnect ${account.teamName}`}
            >
              Reconnect
            </button>
          )}
          <button
            type="button"
            onClick={() => void disconnect()}
            disabled={busy}
            aria-label={`Disconnect ${account.teamName}`}
          >
            Disconnect
          </button>
        </div>
      </td>
    </tr>
  );
}

/** After the first workspace, the way to the next one is where the linked ones are listed. */
function ConnectAnother({ profiles, onMessage }: { profiles: ProfileView[]; onMessage: Say }) {
  const [busy, run] = useSaidWork(onMessage);
  const connect = (profile: ProfileView) =>
    run(async () => {
      onMessage('Waiting for you to allow Courier in the Slack window…', false);
      const linked = await ask('workspaces.connect', { profileId: profile.id });
      return `Linked ${linked.teamName}.`;
    });
  return (
    <div class="row connect-another">
      {profiles.map((profile) => (
        <button key={profile.id} type="button" disabled={busy} onClick={() => void connect(profile)}>
          Connect another workspace{profiles.length > 1 ? ` with ${profile.name}` : ''}
        </button>
      ))}
    </div>
  );
}

export function WorkspacesSection() {
  const [accounts] = useRequest(() => ask('accounts.list', {}), ['accounts']);
  const [profiles] = useRequest(() => ask('profiles.list', {}), ['profiles']);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const profileList = profiles.status === 'done' ? profiles.value : [];
  const say = (text: string, failed: boolean) => setMessage({ text, failed });
  return (
    <section id="workspaces" aria-labelledby="workspaces-title">
      <h2 id="workspaces-title">Workspaces</h2>
      <div aria-live="polite">
        {accounts.status === 'loading' && <p class="muted">Loading workspaces…</p>}
        {accounts.status === 'failed' && (
          <p class="error" role="alert">
            {accounts.message}
          </p>
        )}
        {accounts.status === 'done' && accounts.value.length === 0 && (
          <p class="muted">No workspace is linked yet. Save a connector profile above, then use Connect workspace.</p>
        )}
      </div>
      {accounts.status === 'done' && accounts.value.length > 0 && (
        <table class="accounts">
          <caption class="visually-hidden">Linked workspaces</caption>
          <thead>
            <tr>
              <th scope="col">Workspace</th>
              <th scope="col">Profile</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.value.map((account) => (
              <AccountRow
                key={account.id}
                account={account}
                profile={profileList.find((profile) => profile.id === account.profileId)}
                onMessage={say}
              />
            ))}
          </tbody>
        </table>
      )}
      {accounts.status === 'done' && accounts.value.length > 0 && (
        <ConnectAnother profiles={profileList} onMessage={say} />
      )}
      <p
        role={message?.failed ? 'alert' : 'status'}
        class={message?.failed ? 'error' : 'muted'}
        data-testid="workspace-status"
      >
        {message?.text ?? ''}
      </p>
    </section>
  );
}
