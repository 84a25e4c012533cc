import { ask } from '@/lib/messaging/ask';
import { ActionConsole } from '../console/ActionConsole';
import { useRequest } from '../useRequest';

export function ActionsSection() {
  const [accounts] = useRequest(() => ask('accounts.list', {}), ['accounts']);
  const [actions] = useRequest(() => ask('actions.list', {}));
  return (
    <section id="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      <p>
        Run any of Slack&apos;s actions for a linked workspace: messages, scheduled messages, conversations, members,
        invites, files, users, presence, Slack Connect, and unified users, groups and organizations.
      </p>
      {(accounts.status === 'failed' || actions.status === 'failed') && (
        <p class="error" role="alert">
          {accounts.status === 'failed' ? accounts.message : actions.status === 'failed' ? actions.message : ''}
        </p>
      )}
      {accounts.status === 'done' && accounts.value.length === 0 && (
        <p class="muted">Link a workspace above to run actions.</p>
      )}
      {accounts.status === 'done' && accounts.value.length > 0 && actions.status === 'done' && (
        <ActionConsole accounts={accounts.value} actions={actions.value} />
      )}
    </section>
  );
}
