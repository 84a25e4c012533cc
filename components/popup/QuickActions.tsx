import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ask } from '@/lib/messaging/ask';
import type { AccountSummary, ScheduledView } from '@/lib/protocol';
import { OutboxItems, useOutbox } from '../outbox/OutboxList';
import { SlackText } from '../SlackText';
import { useRequest } from '../useRequest';
import { formatWhen, When } from '../When';
import { STATUS_TEXT } from '../WorkspaceList';
import { PresenceSwitch } from './PresenceSwitch';
import { StatusSlot } from './status-slot';
import './quick-actions.css';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Reloads a list whenever `revision` moves on (after each send), but not on mount. */
function useReloadOn(revision: number, reload: () => void) {
  const first = useRef(revision);
  useEffect(() => {
    if (revision !== first.current) reload();
  }, [revision, reload]);
}

function Workspaces({ accounts }: { accounts: readonly AccountSummary[] }) {
  const id = useId();
  // A reconnect changes which workspaces have presence: their rows come back at once.
  const [presence] = useRequest(() => ask('presence.list', {}), ['accounts']);
  const [notice, setNotice] = useState({ text: '', failed: false });
  const several = accounts.length > 1;
  const reconnect = async (account: AccountSummary) => {
    setNotice({ text: `Reconnecting ${account.teamName}…`, failed: false });
    try {
      const linked = await ask('workspaces.connect', { profileId: account.profileId, team: account.teamId });
      setNotice({ text: `Reconnected ${linked.teamName}.`, failed: false });
    } catch (error) {
      setNotice({ text: messageOf(error), failed: true });
    }
  };
  return (
    <section class="quick" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Workspaces</h2>
      <ul class="workspaces" aria-label="Linked workspaces">
        {accounts.map((account) => {
          const view = presence.status === 'done' ? presence.value.find((p) => p.accountId === account.id) : undefined;
          return (
            <li key={account.id} class="workspace">
              <div class="workspace__head">
                <span class="workspace__name">{account.teamName}</span>
                <span class={`status-${account.status}`}>{STATUS_TEXT[account.status]}</span>
                {account.status === 'needs_reconnect' && (
                  <button
                    type="button"
                    aria-label={`Reconnect ${account.teamName}`}
                    onClick={() => void reconnect(account)}
                  >
                    Reconnect
                  </button>
                )}
              </div>
              {account.reason && <small class="muted">{account.reason}</small>}
              {view && <PresenceSwitch key={account.id} initial={view} several={several} />}
            </li>
          );
        })}
      </ul>
      {presence.status === 'failed' && <p class="error">Presence could not be read: {presence.message}</p>}
      <p role="status" class={notice.failed ? 'error' : 'muted'}>
        {notice.text}
      </p>
    </section>
  );
}

function ScheduledItem({
  item,
  several,
  onCancel,
}: {
  item: ScheduledView;
  several: boolean;
  onCancel: (item: ScheduledView) => Promise<void>;
}) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  return (
    <li class="scheduled">
      <p id={`${id}-line`} class="scheduled__line">
        <strong>{item.label}</strong>
        {several ? ` (${item.teamName})` : ''} · <When at={item.postAt * 1000} />
      </p>
      <p class="scheduled__text muted">
        <SlackText text={item.text} />
      </p>
      <button
        type="button"
        aria-describedby={`${id}-line`}
        aria-busy={busy}
        onClick={() => {
          if (busy) return;
          setBusy(true);
          void onCancel(item).finally(() => setBusy(false));
        }}
      >
        Cancel
      </button>
    </li>
  );
}

function Scheduled({ revision, several }: { revision: number; several: boolean }) {
  const id = useId();
  const [scheduled, reload] = useRequest(() => ask('scheduled.list', {}), ['accounts']);
  const [notice, setNotice] = useState({ text: '', failed: false });
  const titleRef = useRef<HTMLHeadingElement>(null);
  useReloadOn(revision, reload);
  const cancel = async (item: ScheduledView) => {
    try {
      await ask('scheduled.cancel', { accountId: item.accountId, channel: item.channel, id: item.id });
      setNotice({
        text: `Cancelled the message to ${item.label} for ${formatWhen(item.postAt * 1000, { inSentence: true })}.`,
        failed: false,
      });
      // Its Cancel button goes away with it: keep the keyboard in this section.
      titleRef.current?.focus();
      reload();
    } catch (error) {
      setNotice({ text: messageOf(error), failed: true });
    }
  };
  return (
    <section class="quick" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
        Scheduled
      </h2>
      {scheduled.status === 'loading' && <p class="muted">Loading scheduled messages…</p>}
      {scheduled.status === 'failed' && <p class="error">{scheduled.message}</p>}
      {scheduled.status === 'done' && (
        <>
          {scheduled.value.unread.map((list) => (
            <p key={list.accountId} class="error">
              {list.reason}
            </p>
          ))}
          {/* "Nothing" only when every workspace could be read. */}
          {scheduled.value.items.length === 0 && scheduled.value.unread.length === 0 && (
            <p class="muted">Nothing scheduled.</p>
          )}
          {scheduled.value.items.length > 0 && (
            <ul class="scheduled-list" aria-label="Scheduled messages">
              {scheduled.value.items.map((item) => (
                <ScheduledItem key={`${item.accountId}:${item.id}`} item={item} several={several} onCancel={cancel} />
              ))}
            </ul>
          )}
        </>
      )}
      <p role="status" class={notice.failed ? 'error' : 'muted'}>
        {notice.text}
      </p>
    </section>
  );
}

/** The outbox in full: what waits, what is being sent, what failed and why, with what to do. */
function Outbox({ revision }: { revision: number }) {
  const id = useId();
  const [outbox, reload] = useOutbox();
  useReloadOn(revision, reload);
  const items = outbox.status === 'done' ? outbox.value : [];
  const access = items.filter((item) => item.needsAccess).length;
  const failed = items.filter((item) => item.state === 'failed').length - access;
  const waiting = items.length - failed - access;
  const parts = [
    waiting ? `${waiting} waiting to send` : '',
    access ? `${access} waiting for access to a site` : '',
    failed ? `${failed} failed` : '',
  ].filter(Boolean);
  return (
    <section class="quick" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Outbox</h2>
      {outbox.status === 'loading' && <p class="muted">Loading the outbox…</p>}
      {outbox.status === 'failed' && <p class="error">{outbox.message}</p>}
      {outbox.status === 'done' && (
        <p data-testid="outbox-count">
          {parts.length === 0 ? (
            <span class="muted">Nothing waiting to send.</span>
          ) : (
            <a href="/options.html#outbox" target="_blank">
              {parts.join(', ')}
            </a>
          )}
        </p>
      )}
      {outbox.status === 'done' && <OutboxItems items={items} />}
    </section>
  );
}

/** Per workspace: health (with Reconnect) and presence; then scheduled messages and the outbox. */
export interface QuickActionsProps {
  accounts: readonly AccountSummary[];
  /** Moves on after each send: the scheduled and outbox lists reload. */
  revision: number;
}

export function QuickActions({ accounts, revision }: QuickActionsProps) {
  return (
    <>
      <Workspaces accounts={accounts} />
      <StatusSlot />
      <Scheduled revision={revision} several={accounts.length > 1} />
      <Outbox revision={revision} />
    </>
  );
}
