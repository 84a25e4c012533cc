import { AllowSiteButton } from '@/components/AllowSiteButton';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary, SendResult } from '@/lib/protocol';
import { formatShare } from '@/lib/share/format';
import { isUploadShare, type Share } from '@/lib/share/share';
import { nextTry } from '../next-try';
import { formatWhen } from '../When';

/** How long Edit and Delete are offered after a send (History offers them for as long as it keeps it). */
export const UNDO_WINDOW_MS = 60_000;

export interface SentEntry {
  result: SendResult;
  /** When the background answered: Edit and Delete are offered for a while after. */
  sentAt: number;
}

export interface SentBatch {
  /** The share as sent, with its comment: Edit re-formats it with the new comment. */
  share: Share;
  entries: SentEntry[];
}

interface Props {
  batch: SentBatch;
  accounts: readonly AccountSummary[];
  /** Sends the same share again to this result's target; its row then shows the new result. */
  onResend: (result: SendResult) => Promise<void>;
  /** Says what happened in the composer's live region. */
  announce: (text: string, failed?: boolean) => void;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const withoutStop = (text: string) => text.replace(/[.\s]+$/, '');

function listOf(labels: string[]): string {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(labels);
}

/** One sentence for the live region: what happened to every target of a send. */
export function summarize(results: readonly SendResult[]): string {
  const labels = (state: SendResult['state']) =>
    results.filter((result) => result.state === state).map((result) => result.label);
  const sent = labels('sent');
  const scheduled = labels('scheduled');
  const queued = labels('queued');
  const failed = labels('failed');
  return [
    sent.length ? `Sent to ${listOf(sent)}.` : '',
    scheduled.length ? `Scheduled for ${listOf(scheduled)}.` : '',
    queued.length ? `Queued for ${listOf(queued)}; Courier tries again by itself.` : '',
    failed.length ? `Not sent to ${listOf(failed)}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function stateText(result: SendResult, teamName?: string): string {
  const reason = withoutStop(result.error?.message ?? '');
  // The why is said once, on the workspace's row with its Reconnect: here only what it means.
  if (result.state === 'failed' && result.error?.kind === 'needs_reconnect')
    return `Not sent: ${teamName ?? 'the workspace'} needs to reconnect.`;
  if (result.error?.kind === 'needs_access') return `Waiting for access: ${reason}. It goes out once you allow it.`;
  switch (result.state) {
    case 'sent':
      return 'Sent.';
    case 'scheduled':
      return result.postAt ? `Scheduled for ${formatWhen(result.postAt * 1000, { inSentence: true })}.` : 'Scheduled.';
    case 'queued':
      return `Queued: ${reason || 'Slack could not be reached'}. ${nextTry(result.nextAttemptAt)}`;
    case 'failed':
      return `Not sent: ${reason || 'Slack refused the message'}.`;
  }
}

function ResultRow({
  result,
  share,
  sentAt,
  account,
  onResend,
  announce,
}: {
  result: SendResult;
  share: Share;
  sentAt: number;
  account: AccountSummary | undefined;
  onResend: () => Promise<void>;
  announce: Props['announce'];
}) {
  const id = useId();
  const labelId = `${id}-label`;
  const editId = `${id}-edit`;
  const [recent, setRecent] = useState(() => Date.now() - sentAt < UNDO_WINDOW_MS);
  const [busy, setBusy] = useState(false);
  const [undone, setUndone] = useState(false);
  const [edited, setEdited] = useState(false);
  const [joined, setJoined] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const [comment, setComment] = useState(share.comment ?? '');

  useEffect(() => {
    if (!recent) return;
    const timer = setTimeout(() => setRecent(false), sentAt + UNDO_WINDOW_MS - Date.now());
    return () => clearTimeout(timer);
  }, [recent, sentAt]);

  const lineRef = useRef<HTMLParagraphElement>(null);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const editing = draft !== null;
  useEffect(() => {
    if (editing) editRef.current?.focus();
  }, [editing]);
  /** The control that had focus is gone: keep the keyboard on this row. */
  const focusLine = () => lineRef.current?.focus();

  // Buttons are never disabled while busy (that would drop the focus); a second press waits.
  const run = async (work: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    try {
      announce(await work());
    } catch (error) {
      announce(messageOf(error), true);
    } finally {
      setBusy(false);
    }
  };
  const where = { accountId: result.accountId, channel: result.channel, ts: result.ts ?? '' };
  const undo = () =>
    run(async () => {
      await ask('message.delete', where);
      setUndone(true);
      setDraft(null);
      focusLine();
      return `Removed the message from ${result.label}.`;
    });
  const saveEdit = (text: string) =>
    run(async () => {
      await ask('message.update', { ...where, text: formatShare({ ...share, comment: text }).text });
      setComment(text);
      setEdited(true);
      setDraft(null);
      focusLine();
      return `Edited the message in ${result.label}.`;
    });
  const join = () =>
    run(async () => {
      await ask('conversation.join', { accountId: result.accountId, channel: result.channel });
      setJoined(true);
      focusLine();
      return `Joined ${result.label}. Send again to post there.`;
    });
  const reconnect = (found: AccountSummary) =>
    run(async () => {
      const scopes = result.error?.scopes ?? [];
      // Courier sends with the bot token when the workspace has one: the missing scopes are its.
      const asBot = found.botScopes.length > 0;
      const linked = await ask('workspaces.connect', {
        profileId: found.profileId,
        team: found.teamId,
        ...(scopes.length ? { extraScopes: { bot: asBot ? scopes : [], user: asBot ? [] : scopes } } : {}),
      });
      return `Reconnected ${linked.teamName}. Send again to post there.`;
    });
  const resend = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await onResend();
    } finally {
      setBusy(false);
    }
  };

  const error = result.error;
  const sent = result.state === 'sent' && !undone;
  const canChange = sent && recent && result.ts !== undefined;
  const needsReconnect = error?.kind === 'missing_scope' || error?.kind === 'needs_reconnect';
  const privateChannel = result.state === 'failed' && error?.kind === 'not_in_channel' && !error.canJoin;
  const described = { 'aria-describedby': labelId, 'aria-busy': busy };

  return (
    <li class={`send-result send-result--${undone ? 'undone' : result.state}`}>
      <p class="send-result__line" id={labelId} ref={lineRef} tabIndex={-1}>
        <strong>{result.label}</strong>{' '}
        {undone ? 'Removed.' : `${stateText(result, account?.teamName)}${edited ? ' Edited.' : ''}`}
      </p>
      {privateChannel && (
        <p class="send-result__help muted">
          Courier’s app is not a member of this private channel. In Slack, invite it to the channel (type /invite and
          pick the app), then send again.
        </p>
      )}
      <div class="send-result__actions">
        {sent && result.permalink && (
          <a href={result.permalink} target="_blank" rel="noreferrer" aria-describedby={labelId}>
            Open in Slack
          </a>
        )}
        {canChange && draft === null && !isUploadShare(share) && (
          <button type="button" {...described} onClick={() => setDraft(comment)}>
            Edit
          </button>
        )}
        {canChange && (
          <button type="button" {...described} onClick={() => void undo()}>
            Delete
          </button>
        )}
        {error?.kind === 'needs_access' && error.site && <AllowSiteButton site={error.site} describedBy={labelId} />}
        {result.state === 'failed' && error?.canJoin && !joined && (
          <button type="button" {...described} onClick={() => void join()}>
            Join channel
          </button>
        )}
        {result.state !== 'sent' && result.state !== 'scheduled' && needsReconnect && account && (
          <button type="button" {...described} onClick={() => void reconnect(account)}>
            Reconnect
          </button>
        )}
        {result.state === 'failed' && (joined || privateChannel || needsReconnect) && (
          <button type="button" {...described} onClick={() => void resend()}>
            Send again
          </button>
        )}
      </div>
      {draft !== null && !undone && (
        <form
          class="send-result__edit"
          aria-label={`Edit the message in ${result.label}`}
          onSubmit={(event) => {
            event.preventDefault();
            void saveEdit(draft);
          }}
        >
          <label htmlFor={editId}>Edit message</label>
          <textarea
            id={editId}
            ref={editRef}
            rows={3}
            value={draft}
            onInput={(event) => setDraft(event.currentTarget.value)}
          />
          <div class="send-result__actions">
            <button type="submit" class="primary" aria-busy={busy}>
              Save
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(null);
                focusLine();
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </li>
  );
}

/** What happened to each target of the last send, with what can be done next. */
export function SendResults({ batch, accounts, onResend, announce }: Props) {
  return (
    <ul class="send-results" aria-label="Send results">
      {batch.entries.map(({ result, sentAt }) => (
        <ResultRow
          key={`${result.key}:${result.outboxId}`}
          result={result}
          share={batch.share}
          sentAt={sentAt}
          account={accounts.find((account) => account.id === result.accountId)}
          onResend={() => onResend(result)}
          announce={announce}
        />
      ))}
    </ul>
  );
}
