/**
 * How every page writes a moment (a scheduled time, when an outbox item was made, when a message
 * was sent, a console run): "Today, 9:00", "Tomorrow, 9:00", "Yesterday, 17:42", "Mon 14 Jan,
 * 9:00" this year, "14 Jan 2031, 9:00" in another, in the person's locale and time zone.
 */

const DAY_WORDS: Record<number, string> = { [-1]: 'Yesterday', 0: 'Today', 1: 'Tomorrow' };

// Made on first use and kept: a date formatter costs milliseconds to build, and the popup opens without one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, kind: 'time' | 'day' | 'dayOfYear'): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${kind}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'time'
        ? { hour: 'numeric', minute: '2-digit' }
        : kind === 'day'
          ? { weekday: 'short', day: 'numeric', month: 'short' }
          : { day: 'numeric', month: 'short', year: 'numeric' };
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** Calendar days from `now` to `date`, in local time (daylight saving changes included). */
function daysBetween(now: Date, date: Date): number {
  const start = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const end = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((end - start) / 86_400_000);
}

export interface WhenOptions {
  /** Defaults to the present. */
  now?: Date;
  /** Defaults to the browser's. */
  locale?: string;
  /** Inside a sentence: "Scheduled for tomorrow, 9:00." */
  inSentence?: boolean;
}

/** A moment (a Date or epoch milliseconds) as people read it; see the top of this file. */
export function formatWhen(at: Date | number, { now = new Date(), locale, inSentence }: WhenOptions = {}): string {
  const date = typeof at === 'number' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return '';
  const time = formatter(locale, 'time').format(date);
  const word = DAY_WORDS[daysBetween(now, date)];
  if (word) return `${inSentence ? word.toLowerCase() : word}, ${time}`;
  const kind = date.getFullYear() === now.getFullYear() ? 'day' : 'dayOfYear';
  return `${formatter(locale, kind).format(date)}, ${time}`;
}

/** A moment in a `<time>` element: the words above, and the exact instant for machines. */
export function When({ at, ...options }: { at: Date | number } & WhenOptions) {
  const date = typeof at === 'number' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return null;
  return <time dateTime={date.toISOString()}>{formatWhen(date, options)}</time>;
}
