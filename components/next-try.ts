/**
 * When Courier sends a waiting item again by itself, as a clock time with seconds: a countdown
 * ("in 40 s") would go stale on a page nobody re-renders, and a first retry is seconds away.
 */
export function nextTry(at: number | undefined, now = Date.now()): string {
  if (at === undefined) return 'Courier tries again by itself.';
  if (at - now < 1_000) return 'Courier is trying again now.';
  const time = new Date(at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit', second: '2-digit' });
  return `Courier tries again at ${time}.`;
}
