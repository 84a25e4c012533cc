import { ask } from '@/lib/messaging';
import { useRequest } from '../useRequest';
import { WorkspaceList } from '../WorkspaceList';

export function WorkspacesSection() {
  const [accounts] = useRequest(() => ask('accounts.list', {}));
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
        {accounts.status === 'done' &&
          (accounts.value.length === 0 ? (
            <p class="muted">
              No workspace is linked yet. Save a connector profile above, then connect a workspace with it.
            </p>
          ) : (
            <WorkspaceList accounts={accounts.value} label="Linked workspaces" />
          ))}
      </div>
    </section>
  );
}
