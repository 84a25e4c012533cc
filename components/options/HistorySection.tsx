import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '@/lib/messaging/ask';
import type { HistoryView } from '@/lib/protocol';
import { SlackText } from '../SlackText';
import { useRequest } from '../useRequest';
import { When } from '../When';

const RETENTION_CHOICES = [7, 30, 90, 365];

function reshare(entry: HistoryView) {
  // The composer opens with the text, for another channel or another workspace.
  const share = {
    kind: 'selection',
    text: entry.text,
    pageTitle: entry.label,
    pageUrl: entry.permalink ?? 'https://slack.com',
  };
  void browser.windows.create({
    url: browser.runtime.getURL(`/popup.html?share=${encodeURIComponent(JSON.stringify(share))}`),
    type: 'popup',
    width: 480,
    height: 600,
  });
}

/** A searchable log of what was sent where, kept for a chosen time. */
export function HistorySection() {
  const [query, setQuery] = useState('');
  const [entries, reload] = useRequest(() => ask('history.list', { query }), ['outbox']);
  const [retention, reloadRetention] = useRequest(() => ask('history.retention', {}));
  const [message, setMessage] = useState('');
  const run = (work: Promise<unknown>, done: string) =>
    void work.then(
      () => {
        setMessage(done);
        reload();
      },
      (error: unknown) => setMessage(error instanceof Error ? error.message : String(error)),
    );

  return (
    <section id="history" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <div class="row">
        <label htmlFor="history-search">Search history</label>
        <input
          id="history-search"
          type="search"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            reload();
          }}
        />
        <label htmlFor="history-retention">Keep for</label>
        <select
          id="history-retention"
          value={retention.status === 'done' ? String(retention.value.days) : '30'}
          onChange={(e) =>
            run(ask('history.retention', { days: Number(e.currentTarget.value) }).then(reloadRetention), 'Saved.')
          }
        >
          {RETENTION_CHOICES.map((days) => (
            <option key={days} value={days}>
              {days} days
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() =>
            confirm('Clear the whole history? Messages stay in Slack.') &&
            run(ask('history.clear', {}), 'History cleared.')
          }
        >
          Clear history
        </button>
      </div>
      {entries.status === 'done' && entries.value.length === 0 && (
        <p class="muted">Nothing sent yet{query ? ' matches that search' : ''}.</p>
      )}
      {entries.status === 'done' && entries.value.length > 0 && (
        <ul class="plain" aria-label="Sent messages">
          {entries.value.map((entry) => (
            <li key={entry.id} class="card">
              <p>
                <strong>{entry.label}</strong>{' '}
                <span class="muted">
                  · {entry.teamName} · <When at={entry.sentAt} />
                </span>
                {entry.editedAt && <span class="muted"> · edited</span>}
                {entry.removedAt && <span class="muted"> · removed from Slack</span>}
                {entry.postAt && (
                  <span class="muted">
                    {' '}
                    · scheduled for <When at={entry.postAt * 1000} inSentence />
                  </span>
                )}
              </p>
              <p class="outbox-text">
                <SlackText text={entry.text} />
              </p>
              <div class="row">
                {!entry.removedAt && entry.permalink && (
                  <a href={entry.permalink} target="_blank" rel="noreferrer">
                    Open in Slack
                  </a>
                )}
                <button type="button" onClick={() => reshare(entry)}>
                  Send again
                </button>
                {/* A removed message has nothing left in Slack to edit or delete. */}
                {!entry.removedAt && entry.ts && (
                  <button
                    type="button"
                    onClick={() => {
                      const text = prompt('Edit the message', entry.text);
                      if (text)
                        run(
                          ask('message.update', {
                            accountId: entry.accountId,
                            channel: entry.channel,
                            ts: entry.ts!,
                            text,
                          }),
                          'Updated in Slack.',
                        );
                    }}
                  >
                    Edit
                  </button>
                )}
                {!entry.removedAt && (
                  <button
                    type="button"
                    onClick={() => run(ask('history.delete', { id: entry.id }), 'Deleted from Slack.')}
                  >
                    Delete
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p role="status" class="muted">
        {message}
      </p>
    </section>
  );
}
