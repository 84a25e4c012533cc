import type { AccountStatus, AccountSummary } from '@/lib/protocol';

export const STATUS_TEXT: Record<AccountStatus, string> = {
  connected: 'Connected',
  refreshing: 'Refreshing',
  needs_reconnect: 'Needs reconnect',
};

interface Props {
  accounts: AccountSummary[];
  label: string;
}

/** Linked workspaces with their health, as text (never colour alone). */
export function WorkspaceList({ accounts, label }: Props) {
  return (
    <ul class="workspace-list" aria-label={label}>
      {accounts.map((account) => (
        <li key={account.id}>
          <span class="workspace-name">{account.teamName}</span>{' '}
          <span class={`status-${account.status}`}>{STATUS_TEXT[account.status]}</span>
          {account.reason ? <span class="muted">: {account.reason}</span> : null}
        </li>
      ))}
    </ul>
  );
}
