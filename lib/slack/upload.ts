import type { SlackCalls } from './client';
import type { SlackResponse } from './schemas';
import { SlackTransportError } from './errors';
import type { UploadProgress } from './send-bytes';

/**
 * Slack's three-step external upload (slack-api.md §3): files.getUploadURLExternal for a ticket,
 * the raw bytes to its upload_url (with progress), then files.completeUploadExternal, which shares
 * the file when a channel is given (without one the file stays private) and waits until Slack has
 * processed it. A ticket that is never completed is dropped by Slack.
 */

export interface UploadInput {
  file: Blob;
  filename: string;
  /** Defaults to the filename. */
  title?: string;
  /** Where to share it; without one the file stays private to the uploader. */
  channelId?: string;
  initialComment?: string;
  /** Only with a channel. */
  threadTs?: string;
  /** Alt text for images (at most 1 000 characters). */
  altText?: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  /**
   * Runs once the bytes are up, before the completion call: a caller that must survive an unclear
   * completion records the file id here (and may throw to stop before anything is shared).
   */
  beforeComplete?: (fileId: string) => Promise<void>;
}

export interface UploadResult {
  fileId: string;
  /** files.completeUploadExternal's whole ok body: files[], warnings. */
  completed: SlackResponse<'files.completeUploadExternal'>;
}

export async function uploadFile(api: SlackCalls, input: UploadInput): Promise<UploadResult> {
  const { signal } = input;
  const opts = signal ? { signal } : {};
  const ticket = await api.call(
    'files.getUploadURLExternal',
    { filename: input.filename, length: input.file.size, alt_txt: input.altText },
    opts,
  );
  const { upload_url: uploadUrl, file_id: fileId } = ticket;
  if (!URL.canParse(uploadUrl)) {
    throw new SlackTransportError('files.getUploadURLExternal', 'garbage');
  }
  await api.uploadBytes(uploadUrl, input.file, {
    ...opts,
    ...(input.onProgress ? { onProgress: input.onProgress } : {}),
  });
  await input.beforeComplete?.(fileId);
  const completed = await api.call(
    'files.completeUploadExternal',
    {
      files: [{ id: fileId, title: input.title ?? input.filename }],
      channel_id: input.channelId,
      initial_comment: input.initialComment,
      thread_ts: input.channelId ? input.threadTs : undefined,
    },
    opts,
  );
  return { fileId, completed };
}
