/**
 * Reads that callers asking at the same moment share (fifty target passes of a fan-out, fifty
 * token uses). A caller always gets a read that starts after it asked, so it sees every write made
 * before; callers that ask before that read starts share it. Callers must not change what it gives.
 */
export function sharedReads<T>(read: (key: string) => Promise<T>): (key?: string) => Promise<T> {
  const waiting = new Map<string, Promise<T>>();
  return (key = '') => {
    let next = waiting.get(key);
    if (!next) {
      next = Promise.resolve().then(() => {
        // From here on the read may miss what a later caller wrote: later callers start another.
        waiting.delete(key);
        return read(key);
      });
      waiting.set(key, next);
    }
    return next;
  };
}
