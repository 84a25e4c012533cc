/** Runs `work` while holding an exclusive lock named `name`. */
export type WithLock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/**
 * Web Locks are shared by every context of the extension (worker, popup, options), so a refresh
 * started anywhere excludes all others. Where they are missing (Node before 22, very old
 * browsers) a per-context queue keeps the same guarantee within this context.
 */
export function createLocks(locks: LockManager | undefined = globalThis.navigator?.locks): WithLock {
  // The DOM typing wraps the callback's promise once more; at run time request() resolves to T.
  if (locks)
    return <T>(name: string, work: () => Promise<T>) => locks.request(name, { mode: 'exclusive' }, work) as Promise<T>;
  const tails = new Map<string, Promise<unknown>>();
  return (name, work) => {
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(name, tail);
    void tail.then(() => {
      if (tails.get(name) === tail) tails.delete(name);
    });
    return run;
  };
}
