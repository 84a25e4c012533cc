/**
 * Uploads that can still be cancelled, by id: the composer's upload id, the notification's id for
 * a menu upload, or an outbox item's id while its file is being shared. Kept in the worker's
 * memory, as the fetches they abort are.
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
