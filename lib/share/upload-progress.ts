/**
 * How far an upload to several targets has come. The background publishes it in storage.session
 * under uploadKey(id) while the upload runs; the composer draws its progress bar from it.
 */
export interface UploadProgressView {
  /** Targets finished so far, and how many there are. */
  done: number;
  count: number;
  /** Bytes of the current target's upload; total is 0 while the file is still being downloaded. */
  sent: number;
  total: number;
}

export const uploadKey = (uploadId: string): string => `upload:${uploadId}`;

/**
 * The share of the whole job that is done, from 0 to 1, or undefined while nothing can be
 * measured yet (the first download): an indeterminate bar says "working" without a made-up number.
 */
export function uploadFraction(progress: UploadProgressView | undefined): number | undefined {
  if (!progress || progress.count <= 0) return undefined;
  const current = progress.total > 0 ? Math.min(progress.sent / progress.total, 1) : 0;
  if (progress.done === 0 && current === 0) return undefined;
  return Math.min((progress.done + current) / progress.count, 1);
}
