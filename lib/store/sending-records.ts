import type { WorkspaceColumns } from '../directory/columns';
import type { UploadShare } from '../share/share';

/**
 * The directory of one workspace, as cached for the popup: its targets as columns (see
 * lib/directory/columns.ts), replaced whole on each refresh.
 */
export interface DirectoryRecord extends WorkspaceColumns {
  refreshedAt: number;
}

export type OutboxState = 'pending' | 'sending' | 'failed';

/** A file share waiting in the outbox: what to fetch, then the bytes themselves until Slack has them. */
export interface OutboxFile {
  /** The image or file as the person shared it; names the upload once its bytes are here. */
  share: UploadShare;
  /** The downloaded bytes, stored before the first call to Slack. */
  blob?: Blob;
  filename: string;
  title: string;
  altText?: string;
  /**
   * The file id whose files.completeUploadExternal went out without an answer: the next attempt
   * asks Slack whether that file landed before starting over.
   */
  completing?: string;
  /**
   * Earlier `completing` ids that had not landed when an attempt started over. A completion sent by
   * a worker that was stopped can still reach Slack after that check; the duplicate sweep deletes
   * any of these that did.
   */
  abandoned?: string[];
  /** Downloads in a row that the site or the network failed; cleared by Retry. */
  downloadFailures?: number;
}

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
  /** Slack's Retry-After: going back online or a token refresh does not hurry the item past it. */
  notBefore?: number;
  /** A file share (the three-step upload) instead of a message; `text` is its comment. */
  file?: OutboxFile;
  /**
   * A failed file share whose site the browser refused Courier: the host permission pattern that
   * would let it download ("https://cdn.example.com/*"). Granting it sends the item again.
   */
  needsAccess?: string;
  /**
   * A failed item whose workspace must reconnect first (its tokens were revoked, or it lacks a
   * scope): connecting that workspace again, with `scopes` granted when given, sends it again.
   */
  waitsForReconnect?: { scopes?: string[] };
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
  /** The shared file, for a file share. */
  fileId?: string;
  /** Uploads of this share abandoned on the way (OutboxFile.abandoned), for the duplicate sweep. */
  abandonedFiles?: string[];
  /** Checked for copies a browser-level resend may have left (see lib/outbox/sweep.ts). */
  swept?: boolean;
  /** When the message was deleted from Slack (Delete, from any page): nothing of it is left to open or edit. */
  removedAt?: number;
  /** When its text was last changed in Slack (Edit); `text` is the new text. */
  editedAt?: number;
}
