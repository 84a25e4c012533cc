import { useEffect, useMemo, useState } from 'preact/hooks';
import { targetsOf } from '@/lib/directory/columns';
import { readDirectory } from '@/lib/directory/read';
import type { Target } from '@/lib/directory/target';
import { ask, CourierError } from '@/lib/messaging';
import { watchRevision } from '@/lib/platform/revision';
import type { AccountSummary, ActionView } from '@/lib/protocol';
import { Combobox } from '../Combobox';
import { missingForAccount } from '../options/action-scopes';
import { When } from '../When';
import { ActionForm } from './ActionForm';
import type { FieldValue, FormValues } from './form-values';
import { fromInput, toInput } from './form-values';
import type { RecentRun } from './recent-runs';
import { loadRecentRuns, rememberRun } from './recent-runs';
import type { Outcome } from './ResultView';
import { ResultView } from './ResultView';

interface Props {
  accounts: AccountSummary[];
  actions: ActionView[];
}

const TOKEN_TEXT: Record<ActionView['token'], string> = {
  bot: 'bot token only',
  user: 'user token only',
  'either-bot': 'bot token, or user token',
  'either-user': 'user token, or bot token',
};

/** Runs any of the actions for a linked workspace with a form generated from its schema. */
export function ActionConsole({ accounts, actions }: Props) {
  const [accountId, setAccountId] = useState<string | null>(accounts[0]?.id ?? null);
  const [actionId, setActionId] = useState<string | null>(null);
  const [values, setValues] = useState<FormValues>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const [recent, setRecent] = useState<RecentRun[]>([]);
  useEffect(() => void loadRecentRuns().then(setRecent), []);
  // Channel and user fields suggest from the cached directory of the chosen workspace.
  const [targets, setTargets] = useState<Target[]>([]);
  useEffect(() => {
    const load = () =>
      void readDirectory().then((records) => {
        const record = records.find((candidate) => candidate.accountId === accountId);
        setTargets(record ? targetsOf(record) : []);
      });
    load();
    return watchRevision('directory', load);
  }, [accountId]);
  const channels = useMemo(() => targets.filter((target) => target.kind !== 'user').slice(0, 2000), [targets]);
  const people = useMemo(() => targets.filter((target) => target.kind === 'user').slice(0, 2000), [targets]);

  const action = actions.find((candidate) => candidate.id === actionId);
  const account = accounts.find((candidate) => candidate.id === accountId);
  const accountOptions = useMemo(
    () => accounts.map((a) => ({ value: a.id, label: a.teamName, detail: a.profileName })),
    [accounts],
  );
  const granted = useMemo(() => ({ bot: account?.botScopes ?? [], user: account?.userScopes ?? [] }), [account]);
  const actionOptions = useMemo(
    () =>
      actions.map((a) => ({
        value: a.id,
        label: a.title,
        detail: missingForAccount(a, granted).length ? `${a.group} · needs scope` : a.group,
      })),
    [actions, granted],
  );
  const missing = action ? missingForAccount(action, granted) : [];
  const [reconnecting, setReconnecting] = useState('');
  const reconnectWithScopes = async () => {
    if (!account || !action) return;
    setReconnecting('Waiting for you to allow the extra scopes in the Slack window…');
    const kind =
      action.token === 'user' || (action.token === 'either-user' && account.userScopes.length > 0) ? 'user' : 'bot';
    try {
      await ask('workspaces.connect', {
        profileId: account.profileId,
        team: account.teamId,
        extraScopes: { bot: kind === 'bot' ? missing : [], user: kind === 'user' ? missing : [] },
      });
      setReconnecting('Reconnected with the extra scopes.');
    } catch (error) {
      setReconnecting(error instanceof Error ? error.message : String(error));
    }
  };

  const chooseAction = (id: string, input: Record<string, unknown> = {}) => {
    const chosen = actions.find((candidate) => candidate.id === id);
    setActionId(id);
    setValues(chosen ? fromInput(chosen.fields, input) : {});
    setErrors({});
  };

  const run = async (event: Event) => {
    event.preventDefault();
    if (!action || !account) return;
    const read = toInput(action.fields, values);
    if ('field' in read) {
      setErrors({ [read.field]: read.message });
      setOutcome({ state: 'failed', title: action.title, message: read.message, field: read.field });
      return;
    }
    setErrors({});
    setOutcome({ state: 'running', title: action.title });
    let ok = false;
    try {
      const result = await ask('actions.run', { accountId: account.id, actionId: action.id, input: read.input });
      ok = true;
      setOutcome({ state: 'done', title: action.title, run: result });
    } catch (error) {
      const field = error instanceof CourierError ? error.field : undefined;
      const message = error instanceof Error ? error.message : String(error);
      if (field) setErrors({ [field]: message });
      setOutcome({ state: 'failed', title: action.title, message, ...(field ? { field } : {}) });
    }
    setRecent(
      await rememberRun({
        accountId: account.id,
        teamName: account.teamName,
        actionId: action.id,
        title: action.title,
        input: read.input,
        at: Date.now(),
        ok,
      }),
    );
  };

  return (
    <div class="console">
      <div class="row console-pickers">
        <Combobox label="Workspace" options={accountOptions} value={accountId} onChange={setAccountId} />
        <Combobox
          label="Action"
          options={actionOptions}
          value={actionId}
          onChange={(id) => chooseAction(id)}
          placeholder="Type to search 43 actions"
        />
      </div>
      {action && (
        <form onSubmit={(event) => void run(event)} aria-label={action.title}>
          <p>
            {action.description} <span class="muted">Runs with the {TOKEN_TEXT[action.token]}.</span>
          </p>
          {missing.length > 0 && (
            <div class="needs-scope" role="note">
              <p>
                <strong>Needs scope:</strong> {account?.teamName} has not granted {missing.join(', ')}.{' '}
                <button type="button" onClick={() => void reconnectWithScopes()}>
                  Reconnect with the extra scopes
                </button>
              </p>
              <p role="status" class="muted">
                {reconnecting}
              </p>
            </div>
          )}
          <ActionForm
            actionId={action.id}
            fields={action.fields}
            values={values}
            errors={errors}
            onChange={(name: string, value: FieldValue) => setValues((current) => ({ ...current, [name]: value }))}
          />
          <button type="submit" class="primary" disabled={!account || outcome.state === 'running'}>
            Run
          </button>
        </form>
      )}
      <datalist id="directory-channels">
        {channels.map((target) => (
          <option key={target.key} value={target.id}>
            {target.kind === 'im' ? `@${target.name}` : `#${target.name}`}
          </option>
        ))}
      </datalist>
      <datalist id="directory-users">
        {people.map((target) => (
          <option key={target.key} value={target.id}>
            {target.realName ? `${target.realName} (@${target.name})` : `@${target.name}`}
          </option>
        ))}
      </datalist>
      <ResultView outcome={outcome} />
      {recent.length > 0 && (
        <details class="recent-runs">
          <summary>Recent runs</summary>
          <ul>
            {recent.map((entry) => (
              <li key={entry.at}>
                <span class={entry.ok ? 'status-connected' : 'error'}>{entry.ok ? '✓' : '✗'}</span> {entry.title} in{' '}
                {entry.teamName}{' '}
                <span class="muted">
                  <When at={entry.at} />
                </span>{' '}
                <button
                  type="button"
                  aria-label={`Use again: ${entry.title} in ${entry.teamName}`}
                  onClick={() => {
                    setAccountId(entry.accountId);
                    chooseAction(entry.actionId, entry.input);
                  }}
                >
                  Use again
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
