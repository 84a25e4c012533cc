/** Slack schedules messages at most 120 days ahead. */
const MAX_AHEAD_SECONDS = 120 * 24 * 60 * 60;

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as an `<input type="datetime-local">` value, in the person's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

const inAnHour = (now: Date) => new Date(now.getTime() + 60 * 60 * 1000);
const tomorrowAtNine = (now: Date) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
/** The coming Monday at 09:00; on a Monday, next week's. */
const mondayAtNine = (now: Date) =>
  new Date(now.getFullYear(), now.getMonth(), now.getDate() + ((8 - now.getDay()) % 7 || 7), 9, 0);

/** The times offered next to the date and time field, as one press each. */
export const SCHEDULE_PRESETS: readonly { label: string; at: (now: Date) => Date }[] = [
  { label: 'In 1 hour', at: inAnHour },
  { label: 'Tomorrow 9:00', at: tomorrowAtNine },
  { label: 'Monday 9:00', at: mondayAtNine },
];

/** Tomorrow at 09:00 local time: what "later" usually means. */
export function defaultPostTime(now: Date = new Date()): string {
  return toLocalInput(tomorrowAtNine(now));
}

/**
 * Unix seconds for a datetime-local value (read in the person's time zone), or a sentence saying
 * what to fix.
 */
export function postAtFrom(value: string, now: number = Date.now()): { postAt: number } | { error: string } {
  // A date-time without an offset is local time (ECMAScript Date Time String Format).
  const time = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? new Date(value).getTime() : NaN;
  if (!Number.isFinite(time)) return { error: 'Enter the date and time to send at.' };
  const postAt = Math.floor(time / 1000);
  const nowSeconds = Math.floor(now / 1000);
  if (postAt <= nowSeconds + 10) return { error: 'Pick a time in the future.' };
  if (postAt > nowSeconds + MAX_AHEAD_SECONDS) return { error: 'Slack schedules messages at most 120 days ahead.' };
  return { postAt };
}

/** The person's time zone, for the hint next to the time field. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
