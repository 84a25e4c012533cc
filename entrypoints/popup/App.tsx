import { browser } from 'wxt/browser';
import { useRequest } from '@/components/useRequest';
import { WorkspaceList } from '@/components/WorkspaceList';
import { ask } from '@/lib/messaging';

function openOptions() {
  void browser.runtime.openOptionsPage().then(() => window.close());
}

export function App() {
  const [accounts] = useRequest(() => ask('accounts.list', {}));
  return (
    <main>
      <h1>Courier for Slack</h1>
      <div aria-live="polite">
        {accounts.status === 'loading' && <p class="muted">Loading workspaces…</p>}
        {accounts.status === 'failed' && (
          <p class="error" role="alert">
            {accounts.message}
          </p>
        )}
        {accounts.status === 'done' && accounts.value.length === 0 && (
          <>
            <p>No Slack workspace is linked yet. Add a connector profile and connect a workspace in the options.</p>
            <button type="button" class="primary" onClick={openOptions}>
              Open options
            </button>
          </>
        )}
        {accounts.status === 'done' && accounts.value.length > 0 && (
          <>
            <WorkspaceList accounts={accounts.value} label="Linked workspaces" />
            <button type="button" onClick={openOptions}>
              Manage workspaces
            </button>
          </>
        )}
      </div>
    </main>
  );
}
