import { useState } from 'preact/hooks';
import { ask } from '@/lib/messaging';
import type { OutboxView } from '@/lib/protocol';
import { useRequest } from '../useRequest';

const STATE_TEXT: Record<OutboxView['state'], string> = { pending: 'Waiting', sending: 'Sending', failed: 'Failed' };

function OutboxRow({ item, onMessage }: { item: OutboxView; onMessage: (text: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const run = (work: Promise<unknown>, done: string) =>
    void work.then(
      () => onMessage(done),
      (error: unknown) => onMessage(error instanceof Error ? error.message : String(error)),
    );
  return (
    <li class="card">
      <p>
        <strong>{item.label}</strong> ·{' '}
        <span class={item.state === 'failed' ? 'error' : 'muted'}>{STATE_TEXT[item.state]}</span>
        {item.attempts > 0 && (
          <span class="muted">
            {' '}
            after {item.attempts} attempt{item.attempts === 1 ? '' : 's'}
          </span>
        )}
      </p>
      {item.reason && <p class={item.state === 'failed' ? 'error' : 'muted'}>{item.reason}</p>}
      {editing ? (
        <>
          <label htmlFor={`outbox-${item.id}`}>Message</label>
          <textarea id={`outbox-${item.id}`} rows={4} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </>
      ) : (
        <p class="outbox-text">{item.text}</p>
      )}
      <div class="row">
        {editing ? (
          <button
            type="button"
            class="primary"
            onClick={() => {
              setEditing(false);
              run(ask('outbox.edit', { id: item.id, text }), 'Saved; sending again.');
            }}
          >
            Save and send
          </button>
        ) : (
          <button type="button" onClick={() => setEditing(true)}>
            Edit
          </button>
        )}
        <button type="button" onClick={() => run(ask('outbox.retry', { id: item.id }), 'Trying again.')}>
          Retry
        </button>
        <button type="button" onClick={() => run(ask('outbox.discard', { id: item.id }), 'Discarded.')}>
          Discard
        </button>
      </div>
    </li>
  );
}

/** What Courier still has to send: waiting, sending or failed, with what to do about each. */
export function OutboxSection() {
  const [items] = useRequest(() => ask('outbox.list', {}), ['outbox']);
  const [message, setMessage] = useState('');
  return (
    <section id="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Outbox</h2>
      <p class="muted">
        Every send is stored here before it is attempted and stays until Slack confirms it. Failed items wait for you.
      </p>
      {items.status === 'failed' && <p class="error">{items.message}</p>}
      {items.status === 'done' && items.value.length === 0 && <p class="muted">Nothing is waiting to be sent.</p>}
      {items.status === 'done' && items.value.length > 0 && (
        <ul class="plain" aria-label="Outbox items">
          {items.value.map((item) => (
            <OutboxRow key={item.id} item={item} onMessage={setMessage} />
          ))}
        </ul>
      )}
      <p role="status" class="muted">
        {message}
      </p>
    </section>
  );
}
