import { OutboxItems, useOutbox } from '../outbox/OutboxList';

/** What Courier still has to send: waiting, sending or failed, with what to do about each. */
export function OutboxSection() {
  const [items] = useOutbox();
  return (
    <section id="outbox" aria-labelledby="outbox-title">
      <h2 id="outbox-title">Outbox</h2>
      <p class="muted">
        Every send is stored here before it is attempted and stays until Slack confirms it. Failed items wait for you.
      </p>
      {items.status === 'failed' && <p class="error">{items.message}</p>}
      {items.status === 'done' && items.value.length === 0 && <p class="muted">Nothing is waiting to be sent.</p>}
      {items.status === 'done' && <OutboxItems items={items.value} />}
    </section>
  );
}
