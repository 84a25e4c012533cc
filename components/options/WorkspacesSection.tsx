import { useState } from 'preact/hooks';
import { ask } from '@/lib/messaging';
import type { AccountSummary } from '@/lib/protocol';
import { useRequest } from '../useRequest';
import { STATUS_TEXT } from '../WorkspaceList';
import { SignInEnds } from './SignInEnds';

function AccountRow({
  account,
  onMessage,
}: {
  account: AccountSummary;
  onMessage: (text: string, failed: boolean) => void;
}) {
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
  const reconnect = () =>
    run(async () => {
      const linked = await ask('workspaces.connect', { profileId: account.profileId, team: account.teamId });
      return `Reconnected ${linked.teamName}.`;
    });
  const disconnect = () =>
    run(async () => {
      if (!confirm(`Disconnect ${account.teamName}? Courier revokes its tokens and forgets it.`))
        return 'Nothing changed.';
      await ask('workspaces.disconnect', { accountId: account.id });
      return `Disconnected ${account.teamName}.`;
    });
  return (
    <tr>
      <th scope="row">{account.teamName}</th>
      <td>{account.profileName ?? ''}</td>
      <td>
        <span class={`status-${account.status}`}>{STATUS_TEXT[account.status]}</span>
        {account.reason && <div class="muted">{account.reason}</div>}
        <SignInEnds account={account} />
      </td>
      <td>
        <div class="row">
          <button
            type="button"
            onClick={() => void reconnect()}
            disabled={busy}
            aria-label={`Reconnect ${account.teamName}`}
          >
            Reconnect
          </button>
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

export function WorkspacesSection() {
  const [accounts] = useRequest(() => ask('accounts.list', {}), ['accounts']);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
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
                onMessage={(text, failed) => setMessage({ text, failed })}
              />
            ))}
          </tbody>
        </table>
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
