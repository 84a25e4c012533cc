import { ask } from '@/lib/messaging/ask';
import { useRequest } from '../useRequest';
import { When } from '../When';

async function loadDiagnostics() {
  const sentAt = performance.now();
  await ask('ping', {});
  const roundTripMs = Math.round(performance.now() - sentAt);
  return { ...(await ask('diagnostics.get', {})), roundTripMs };
}

export function DiagnosticsSection() {
  const [state, reload] = useRequest(loadDiagnostics, ['profiles', 'accounts']);
  return (
    <section id="diagnostics" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      <div aria-live="polite">
        {state.status === 'loading' && <p class="muted">Asking the background…</p>}
        {state.status === 'failed' && (
          <p class="error" role="alert">
            {state.message}
          </p>
        )}
        {state.status === 'done' && (
          <dl class="facts">
            <dt>Version</dt>
            <dd>{state.value.version}</dd>
            <dt>Browser build</dt>
            <dd>
              {state.value.browser}, manifest v{state.value.manifestVersion}
            </dd>
            <dt>Extension id</dt>
            <dd>{state.value.extensionId}</dd>
            <dt>Redirect URL</dt>
            <dd>{state.value.redirectUrl}</dd>
            <dt>Database version</dt>
            <dd>{state.value.databaseVersion}</dd>
            <dt>Profiles</dt>
            <dd>{state.value.profiles ?? 'unknown'}</dd>
            <dt>Workspaces</dt>
            <dd>{state.value.accounts ?? 'unknown'}</dd>
            <dt>Background</dt>
            <dd data-testid="background-status">
              answering, started <When at={state.value.workerStartedAt} inSentence />, round trip{' '}
              {state.value.roundTripMs} ms
            </dd>
            {state.value.lastStartError && (
              <>
                <dt>Last failed start</dt>
                <dd data-testid="last-start-error">
                  <When at={state.value.lastStartError.at} />: {state.value.lastStartError.message}
                </dd>
              </>
            )}
          </dl>
        )}
      </div>
      <button type="button" onClick={reload}>
        Refresh diagnostics
      </button>
    </section>
  );
}
