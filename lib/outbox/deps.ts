import type { AccountContexts } from '../actions/account-context';
import type { WithLock } from '../platform/locks';
import type { DownloadOptions } from '../share/download';
import type { HistoryRepo } from '../store/history';
import type { OutboxRepo } from '../store/outbox';

/** What the outbox is given, and all it uses: no browser API, no background services. */
export interface OutboxDeps {
  items: OutboxRepo;
  history: HistoryRepo;
  /** Each linked workspace's context (its records, token use and client). */
  contextOf: AccountContexts;
  withLock: WithLock;
  now: () => number;
  /** Limits of a file share's download (Slack's file size, the stall timeout); tests lower them. */
  downloads: Pick<DownloadOptions, 'maxBytes' | 'stallMs' | 'fetch'>;
  /** Tells the open pages that the outbox changed: one change, or a run of them told together. */
  pages: { bump(): Promise<void>; run(): { changed: () => void; done: () => Promise<void> } };
}
