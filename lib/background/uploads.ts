import { toWireError } from '../errors';
import type { SendResult, SendTarget, WireError } from '../protocol';
import type { UploadShare } from '../share/share';
import type { ThreadRef } from '../share/thread-link';
import type { UploadProgressView } from '../share/upload-progress';
import { SlackApiError } from '../slack/errors';
import type { Services } from './services';
import { shareUpload } from './share-upload';

/**
 * Uploads that can still be cancelled, by id: the composer's upload id, or the notification's id
 * for a menu upload. Kept in the worker's memory, as the fetches they abort are.
 */
const running = new Map<string, AbortController>();

/** Runs work with an abort signal that cancelUpload(id) fires; the id is forgotten when it ends. */
export async function cancellable<T>(id: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    return await work(controller.signal);
  } finally {
    running.delete(id);
  }
}

/** Whether there was a running upload by that id to stop. */
export function cancelUpload(id: string): boolean {
  const controller = running.get(id);
  controller?.abort();
  return controller !== undefined;
}

const CANCELLED: WireError = { kind: 'internal', message: 'You cancelled the upload; nothing was shared there' };

/**
 * One share uploaded to each target in turn (a file per target: Slack shares an external upload
 * to one channel per completion call). Progress goes to `publish`; a failure at one target does
 * not stop the others, a cancel does.
 */
export async function uploadToTargets(
  services: Services,
  job: { share: UploadShare; targets: SendTarget[]; thread?: ThreadRef },
  signal: AbortSignal,
  publish: (progress: UploadProgressView) => void,
): Promise<SendResult[]> {
  const count = job.targets.length;
  const results: SendResult[] = [];
  for (const [done, target] of job.targets.entries()) {
    const base = {
      key: target.key,
      label: target.label,
      accountId: target.accountId,
      channel: target.id,
      outboxId: '',
    };
    if (signal.aborted) {
      results.push({ ...base, state: 'failed', error: CANCELLED });
      continue;
    }
    publish({ done, count, sent: 0, total: 0 });
    // A thread link names one channel; it applies to the target in that channel only.
    const threadTs = job.thread?.channel === target.id ? job.thread.ts : undefined;
    try {
      const { permalink } = await shareUpload(services, job.share, target, {
        signal,
        onProgress: ({ sent, total }) => publish({ done, count, sent, total }),
        ...(threadTs ? { threadTs } : {}),
      });
      results.push({ ...base, state: 'sent', ...(permalink ? { permalink } : {}) });
    } catch (error) {
      const canJoin = error instanceof SlackApiError && error.code === 'not_in_channel' && target.id.startsWith('C');
      results.push({
        ...base,
        state: 'failed',
        error: signal.aborted ? CANCELLED : { ...toWireError(error), ...(canJoin ? { canJoin } : {}) },
      });
    }
  }
  publish({ done: count, count, sent: 0, total: 0 });
  return results;
}
