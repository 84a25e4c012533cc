import type { SendResult, SendTarget } from '../protocol';
import type { UploadShare } from '../share/share';
import type { ThreadRef } from '../share/thread-link';
import type { UploadProgressView } from '../share/upload-progress';
import { DISCARDED } from './delivery';
import type { Outbox } from './outbox';
import { plannedFile } from './planned-file';

/**
 * One share uploaded to each target in turn (a file per target: Slack shares an external upload
 * to one channel per completion call), each as an outbox item stored before its first attempt.
 * Progress goes to `publish`; a failure at one target does not stop the others. Cancel discards
 * every item of the job that Slack has not confirmed yet, so nothing more completes.
 */
export async function uploadToTargets(
  outbox: Pick<Outbox, 'enqueue' | 'discard'>,
  job: { share: UploadShare; targets: SendTarget[]; thread?: ThreadRef },
  signal: AbortSignal,
  publish: (progress: UploadProgressView) => void,
): Promise<SendResult[]> {
  const count = job.targets.length;
  const results: SendResult[] = [];
  const { file, comment } = plannedFile(job.share);
  const created: string[] = [];
  for (const [done, target] of job.targets.entries()) {
    if (signal.aborted) {
      results.push({ ...resultBase(target), state: 'failed', error: DISCARDED });
      continue;
    }
    publish({ done, count, sent: 0, total: 0 });
    // A thread link names one channel; it applies to the target in that channel only.
    const threadTs = job.thread?.channel === target.id ? job.thread.ts : undefined;
    const id = crypto.randomUUID();
    created.push(id);
    const now = Date.now();
    results.push(
      await outbox.enqueue(
        {
          id,
          accountId: target.accountId,
          channel: target.id,
          label: target.label,
          text: comment,
          unfurl: false,
          ...(threadTs ? { threadTs } : {}),
          state: 'pending',
          attempts: 0,
          createdAt: now,
          nextAttemptAt: now,
          file,
        },
        { signal, onProgress: ({ sent, total }) => publish({ done, count, sent, total }) },
      ),
    );
  }
  if (signal.aborted) {
    for (const [index, id] of created.entries()) {
      if (await outbox.discard(id)) results[index] = { ...results[index]!, state: 'failed', error: DISCARDED };
    }
  }
  publish({ done: count, count, sent: 0, total: 0 });
  return results;
}

function resultBase(target: SendTarget) {
  return { key: target.key, label: target.label, accountId: target.accountId, channel: target.id, outboxId: '' };
}
