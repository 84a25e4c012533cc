import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { targetsOf } from '@/lib/directory/columns';
import { readDirectory } from '@/lib/directory/read';
import type { Target } from '@/lib/directory/target';
import { ask, CourierError } from '@/lib/messaging/ask';
import { watchRevision } from '@/lib/platform/revision';
import type { AccountSummary, ActionRun, ActionView } from '@/lib/protocol';
import { Combobox } from '../Combobox';
import { missingForAccount } from '../options/action-scopes';
import { When } from '../When';
import { ActionForm } from './ActionForm';
import type { FieldValue, FormValues } from './form-values';
import { fromInput, toInput } from './form-values';
import { itemsOf, nextPageInput } from './pages';
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

  // The input of the page after the one shown, for "Next page"; set only for that action's answer.
  const [next, setNext] = useState<{ actionId: string; input: Record<string, unknown> } | null>(null);
  // "All pages" checks this between pages: Cancel stops the walk after the page in flight.
  const cancelled = useRef(false);
  const [walking, setWalking] = useState(false);

  /** The form's input, or the field it cannot read shown as the outcome. */
  const readForm = (): Record<string, unknown> | undefined => {
    if (!action) return undefined;
    const read = toInput(action.fields, values);
    if (!('field' in read)) return read.input;
    setErrors({ [read.field]: read.message });
    setOutcome({ state: 'failed', title: action.title, message: read.message, field: read.field });
    return undefined;
  };

  const failed = (title: string, error: unknown) => {
    const field = error instanceof CourierError ? error.field : undefined;
    const message = error instanceof Error ? error.message : String(error);
    if (field) setErrors({ [field]: message });
    setOutcome({ state: 'failed', title, message, ...(field ? { field } : {}) });
  };

  /** Runs the action with `input` (the form shows it, cursor included) and offers the next page. */
  const runWith = async (input: Record<string, unknown>) => {
    if (!action || !account) return;
    setValues(fromInput(action.fields, input));
    setErrors({});
    setNext(null);
    setOutcome({ state: 'running', title: action.title });
    let ok = false;
    try {
      const result = await ask('actions.run', { accountId: account.id, actionId: action.id, input });
      ok = true;
      setOutcome({ state: 'done', title: action.title, run: result });
      const after = nextPageInput(action, input, result.result);
      if (after) setNext({ actionId: action.id, input: after });
    } catch (error) {
      failed(action.title, error);
    }
    await remember(action, account, input, ok);
  };

  const remember = async (done: ActionView, where: AccountSummary, input: Record<string, unknown>, ok: boolean) =>
    setRecent(
      await rememberRun({
        accountId: where.id,
        teamName: where.teamName,
        actionId: done.id,
        title: done.title,
        input,
        at: Date.now(),
        ok,
      }),
    );

  const run = (event: Event) => {
    event.preventDefault();
    const input = readForm();
    if (input) void runWith(input);
  };

  /**
   * Walks every page from the form's input, one call per page as Slack pages, gathering the items.
   * Cancel keeps what was gathered and offers "Next page" from where the walk stopped.
   */
  const runAllPages = async () => {
    const start = readForm();
    if (!action?.pages || !account || !start) return;
    const items: unknown[] = [];
    let input: Record<string, unknown> | undefined = start;
    let pages = 0;
    let last: ActionRun | undefined;
    let ms = 0;
    cancelled.current = false;
    setWalking(true);
    setErrors({});
    setNext(null);
    try {
      while (input && !cancelled.current) {
        setOutcome({
          state: 'running',
          title: action.title,
          progress: `page ${pages + 1}, ${items.length} items so far`,
        });
        last = await ask('actions.run', { accountId: account.id, actionId: action.id, input });
        pages += 1;
        ms += last.ms;
        items.push(...itemsOf(action, last.result));
        input = nextPageInput(action, input, last.result);
      }
      const result = { [action.pages.items]: items, pages, complete: !input };
      setOutcome({ state: 'done', title: action.title, run: { result, tokenKind: last?.tokenKind ?? 'bot', ms } });
      if (input) setNext({ actionId: action.id, input });
      await remember(action, account, start, true);
    } catch (error) {
      failed(action.title, error);
      await remember(action, account, start, false);
    } finally {
      setWalking(false);
    }
  };
  const nextPage = next && next.actionId === action?.id ? next.input : undefined;

  return (
    <div class="console">
      <div class="row console-pickers">
        <Combobox label="Workspace" options={accountOptions} value={accountId} onChange={setAccountId} />
        <Combobox
          label="Action"
          options={actionOptions}
          value={actionId}
          onChange={(id) => {
            setNext(null);
            chooseAction(id);
          }}
          placeholder="Type to search actions"
        />
      </div>
      {action && (
        <form onSubmit={run} aria-label={action.title}>
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
          <div class="row">
            <button type="submit" class="primary" disabled={!account || outcome.state === 'running'}>
              Run
            </button>
            {action.pages && (
              <>
                <button
                  type="button"
                  disabled={!nextPage || outcome.state === 'running'}
                  onClick={() => nextPage && void runWith(nextPage)}
                >
                  Next page
                </button>
                <button
                  type="button"
                  disabled={!account || outcome.state === 'running'}
                  onClick={() => void runAllPages()}
                >
                  All pages
                </button>
                {walking && (
                  <button type="button" onClick={() => (cancelled.current = true)}>
                    Cancel
                  </button>
                )}
              </>
            )}
          </div>
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
