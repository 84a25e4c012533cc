import type { WorkspaceColumns } from '../directory/columns';

/**
 * The directory of one workspace, as cached for the popup: its targets as columns (see
 * lib/directory/columns.ts), replaced whole on each refresh.
 */
export interface DirectoryRecord extends WorkspaceColumns {
  refreshedAt: number;
}

export type OutboxState = 'pending' | 'sending' | 'failed';

/** A send Courier promised to make: stored before the first attempt, removed once Slack confirms. */
export interface OutboxItem {
  id: string;
  accountId: string;
  /** Channel, private channel, DM or user id. */
  channel: string;
  label: string;
  text: string;
  threadTs?: string;
  unfurl: boolean;
  /** Unix seconds: schedule instead of posting now. */
  postAt?: number;
  state: OutboxState;
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  /** Why the last attempt failed, as a sentence. */
  reason?: string;
  /** An attempt ended without a clear answer: look in history before posting again. */
  unclear?: boolean;
}

/** What was sent where and when. */
export interface HistoryEntry {
  id: string;
  accountId: string;
  teamName: string;
  channel: string;
  label: string;
  text: string;
  ts?: string;
  scheduledMessageId?: string;
  postAt?: number;
  permalink?: string;
  sentAt: number;
  /** Checked for copies a browser-level resend may have left (see duplicate-sweep.ts). */
  swept?: boolean;
}
