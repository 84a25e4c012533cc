import { useEffect, useId, useState } from 'preact/hooks';
import { AllowSiteButton } from '@/components/AllowSiteButton';
import { TargetPicker } from '@/components/TargetPicker';
import { formatSize } from '@/lib/share/size';
import { ask } from '@/lib/messaging/ask';
import type { OutboxView, SendTarget } from '@/lib/protocol';
import { nextTry } from '../next-try';
import { SlackText } from '../SlackText';
import { useRequest, type RequestState } from '../useRequest';
import { When } from '../When';
import './outbox.css';

const STATE_TEXT: Record<OutboxView['state'], string> = { pending: 'Waiting', sending: 'Sending', failed: 'Failed' };

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The outbox, reloaded whenever the background changes it. A page showing it that sees the browser
 * come back online asks the background to send what waits now: the worker itself is not always
 * told (headless Chromium's service worker gets no `online` event), and the alarm is a minute away.
 */
export function useOutbox(): [RequestState<OutboxView[]>, () => void] {
  const request = useRequest(() => ask('outbox.list', {}), ['outbox']);
  useEffect(() => {
    const online = () => void ask('outbox.retryNow', {}).catch(() => undefined);
    globalThis.addEventListener('online', online);
    return () => globalThis.removeEventListener('online', online);
  }, []);
  return request;
}

function OutboxRow({ item, onMessage }: { item: OutboxView; onMessage: (text: string, failed: boolean) => void }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const [target, setTarget] = useState<SendTarget | null>(null);
  const failed = item.state === 'failed';
  const run = (work: Promise<unknown>, done: string) =>
    void work.then(
      () => onMessage(done, false),
      (error: unknown) => onMessage(messageOf(error), true),
    );
  const save = () => {
    setEditing(false);
    const moved = target && target.key !== `${item.accountId}:${item.channel}` ? target : undefined;
    run(
      ask('outbox.edit', { id: item.id, text, ...(moved ? { target: moved } : {}) }),
      moved ? `Saved; sending to ${moved.label}.` : 'Saved; sending again.',
    );
  };
  return (
    <li class="outbox-item" aria-labelledby={`${id}-line`}>
      <p id={`${id}-line`} class="outbox-item__line">
        <strong>{item.label}</strong> ·{' '}
        <span class={failed ? 'error' : 'muted'}>{item.needsAccess ? 'Needs access' : STATE_TEXT[item.state]}</span>
        {item.attempts > 0 && (
          <span class="muted">
            {' '}
            after {item.attempts} attempt{item.attempts === 1 ? '' : 's'}
          </span>
        )}
        <span class="muted">
          {' '}
          · <When at={item.createdAt} />
        </span>
      </p>
      {item.file && (
        <p class="outbox-item__file">
          File: {item.file.name}
          {item.file.size !== undefined && <span class="muted"> ({formatSize(item.file.size)})</span>}
        </p>
      )}
      {/* Why it needs a reconnect is said once, on the workspace's row with its Reconnect. */}
      {item.waitsForReconnect ? (
        <p class="muted">Needs reconnect: it goes out by itself once its workspace is reconnected.</p>
      ) : (
        item.reason && <p class={failed ? 'error' : 'muted'}>{item.reason}</p>
      )}
      {item.state === 'pending' && item.attempts > 0 && <p class="muted">{nextTry(item.nextAttemptAt)}</p>}
      {editing ? (
        <div class="outbox-item__edit">
          <label htmlFor={`${id}-text`}>{item.file ? 'Comment' : 'Message'}</label>
          <textarea id={`${id}-text`} rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          <TargetPicker selected={`${item.accountId}:${item.channel}`} onChange={setTarget} />
        </div>
      ) : (
        item.text && (
          <p class="outbox-text">
            <SlackText text={item.text} />
          </p>
        )
      )}
      <div class="outbox-item__actions">
        {item.needsAccess && !editing && <AllowSiteButton site={item.needsAccess} describedBy={`${id}-line`} />}
        {editing ? (
          <button type="button" class="primary" aria-describedby={`${id}-line`} onClick={save}>
            Save and send
          </button>
        ) : (
          <button type="button" aria-describedby={`${id}-line`} onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <button
          type="button"
          aria-describedby={`${id}-line`}
          onClick={() => run(ask('outbox.retry', { id: item.id }), 'Trying again.')}
        >
          {/* Waiting: Courier will try by itself, so the person's choice is only "now". */}
          {failed ? 'Retry' : 'Try now'}
        </button>
        <button
          type="button"
          aria-describedby={`${id}-line`}
          onClick={() => run(ask('outbox.discard', { id: item.id }), 'Discarded.')}
        >
          Discard
        </button>
      </div>
    </li>
  );
}

/** What Courier still has to send, with Retry, Edit (text and target) and Discard on each. */
export function OutboxItems({ items }: { items: readonly OutboxView[] }) {
  const [notice, setNotice] = useState({ text: '', failed: false });
  return (
    <>
      {items.length > 0 && (
        <ul class="outbox-list" aria-label="Outbox items">
          {items.map((item) => (
            <OutboxRow key={item.id} item={item} onMessage={(text, failed) => setNotice({ text, failed })} />
          ))}
        </ul>
      )}
      <p role="status" class={notice.failed ? 'error' : 'muted'}>
        {notice.text}
      </p>
    </>
  );
}
