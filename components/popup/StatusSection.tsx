import { useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import type { StatusResult, StatusView } from '@/lib/protocol';
import { describeUntil, expirationOf, type StatusPreset } from '@/lib/status/presets';
import { statusPresets } from '@/lib/store/status-presets';
import { useSetting } from '@/components/useSetting';
import { useRequest } from '../useRequest';

const ALL = 'all';
const STATUS_SCOPE = 'users.profile:write';
const PAUSE_SCOPE = 'dnd:write';
const CLEAR: StatusPreset = { emoji: '', text: '', until: { kind: 'never' } };
/** The defaults' emoji as pictures; others show by their short name. */
const PICTURES: Record<string, string> = {
  ':calendar:': '📆',
  ':headphones:': '🎧',
  ':knife_fork_plate:': '🍽️',
  ':face_with_thermometer:': '🤒',
};
const picture = (emoji: string) => PICTURES[emoji] ?? emoji;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "until Tue 17:00 CET" in the person's Slack time zone (the browser's when Slack did not say). */
export function formatExpiry(expiration: number, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = {
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  };
  try {
    return `until ${new Intl.DateTimeFormat(undefined, { ...options, timeZone }).format(expiration * 1000)}`;
  } catch {
    return `until ${new Intl.DateTimeFormat(undefined, options).format(expiration * 1000)}`;
  }
}

function Current({ view }: { view: StatusView }) {
  if (view.error) return <small class="error">{view.error}</small>;
  const status = view.status;
  if (!status?.emoji && !status?.text) return <span class="muted">No status</span>;
  return (
    <span>
      <span aria-hidden="true">{picture(status.emoji)} </span>
      <span class="visually-hidden">{status.emoji} </span>
      {status.text}
      {status.expiration > 0 && <span class="muted"> · {formatExpiry(status.expiration, view.timeZone)}</span>}
    </span>
  );
}

/**
 * The person's status in each linked workspace, and presets that set it in one workspace or in
 * all of them at once (through the background's status.set), optionally with presence away and
 * notifications paused until it clears.
 */
export function StatusSection() {
  const [list, reload] = useRequest(() => ask('status.list', {}), ['accounts']);
  const presets: readonly StatusPreset[] = useSetting(statusPresets) ?? statusPresets.fallback;
  const [where, setWhere] = useState(ALL);
  const [away, setAway] = useState(false);
  const [pause, setPause] = useState(false);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<StatusResult[]>([]);
  const [notice, setNotice] = useState('');
  const views = list.status === 'done' ? list.value : [];
  const apply = async (preset: StatusPreset) => {
    if (busy) return;
    setBusy(true);
    setNotice('');
    const status = { emoji: preset.emoji, text: preset.text, expiration: expirationOf(preset.until, new Date()) };
    const accountIds = where === ALL ? views.map((view) => view.accountId) : [where];
    try {
      setResults(await ask('status.set', { accountIds, status, away, pause }));
      reload();
    } catch (error) {
      setNotice(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  const reconnect = async (accountId: string, scopes: string[]) => {
    try {
      const account = (await ask('accounts.list', {})).find((entry) => entry.id === accountId);
      if (!account) return;
      setNotice(`Reconnecting ${account.teamName}…`);
      const linked = await ask('workspaces.connect', {
        profileId: account.profileId,
        team: account.teamId,
        extraScopes: { bot: [], user: scopes },
      });
      setNotice(`Reconnected ${linked.teamName}.`);
      setResults([]);
      reload();
    } catch (error) {
      setNotice(messageOf(error));
    }
  };
  const missingOf = (view: StatusView) => [
    ...(view.canSet ? [] : [STATUS_SCOPE]),
    ...(pause && !view.canPause ? [PAUSE_SCOPE] : []),
  ];
  const teamOf = (accountId: string) => views.find((view) => view.accountId === accountId)?.teamName ?? accountId;
  return (
    // A fixed id: this section's Preact is not the popup's, so useId could repeat one of the popup's.
    <section class="quick status" aria-labelledby="status-title" aria-busy={busy}>
      <h2 id="status-title">Status</h2>
      {list.status === 'loading' && <p class="muted">Reading your status…</p>}
      {list.status === 'failed' && <p class="error">Status could not be read: {list.message}</p>}
      <ul class="status__list" aria-label="Your status in each workspace">
        {views.map((view) => {
          const missing = missingOf(view);
          return (
            <li key={view.accountId}>
              <strong>{view.teamName}</strong> <Current view={view} />
              {missing.length > 0 && (
                <div class="status__why">
                  <small class="muted">
                    {view.canSet ? 'Pausing notifications' : 'Setting a status'} here needs {missing.join(' and ')}.
                  </small>{' '}
                  <button
                    type="button"
                    aria-label={`Reconnect ${view.teamName} with ${missing.join(' and ')}`}
                    onClick={() => void reconnect(view.accountId, missing)}
                  >
                    Reconnect
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {views.length > 0 && (
        <>
          {views.length > 1 && (
            <label class="status__where">
              Set in{' '}
              <select value={where} onChange={(event) => setWhere(event.currentTarget.value)}>
                <option value={ALL}>All linked workspaces</option>
                {views.map((view) => (
                  <option key={view.accountId} value={view.accountId}>
                    {view.teamName}
                  </option>
                ))}
              </select>
            </label>
          )}
          <div class="status__presets" role="group" aria-label="Status presets">
            {presets.map((preset, index) => (
              <button key={index} type="button" onClick={() => void apply(preset)}>
                <span aria-hidden="true">{picture(preset.emoji)} </span>
                {preset.text} <span class="muted">({describeUntil(preset.until)})</span>
              </button>
            ))}
            <button type="button" onClick={() => void apply(CLEAR)}>
              Clear status
            </button>
          </div>
          <div class="status__options">
            <label>
              <input type="checkbox" checked={away} onChange={(event) => setAway(event.currentTarget.checked)} /> Set me
              away
            </label>
            <label>
              <input type="checkbox" checked={pause} onChange={(event) => setPause(event.currentTarget.checked)} />{' '}
              Pause notifications
            </label>
          </div>
        </>
      )}
      <div role="status">
        {results.length > 0 && (
          <ul class="status__results" aria-label="Status results">
            {results.map((result) => (
              <li key={result.accountId} class={result.ok ? '' : 'error'}>
                {result.teamName || teamOf(result.accountId)}: {result.ok ? 'set' : 'not set'}
                {result.message ? `. ${result.message}` : '.'}
                {result.missing && result.missing.length > 0 && (
                  <button
                    type="button"
                    aria-label={`Reconnect ${result.teamName} with ${result.missing.join(' and ')}`}
                    onClick={() => void reconnect(result.accountId, result.missing ?? [])}
                  >
                    Reconnect
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {notice && <p class="muted">{notice}</p>}
      </div>
    </section>
  );
}
