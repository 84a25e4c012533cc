// Status presets: what the popup's Status buttons set, and when each clears. Pure: the popup and
// the options page read them through the setting (lib/store/status-presets.ts).
import { EMOJI_NAME, STATUS_TEXT_MAX } from './limits';

/** When a preset's status clears: after some minutes, at a time of day, at midnight, or never. */
export type PresetUntil =
  { kind: 'minutes'; minutes: number } | { kind: 'time'; time: string } | { kind: 'tomorrow' } | { kind: 'never' };

export interface StatusPreset {
  /** Slack's short name between colons: ":calendar:". */
  emoji: string;
  text: string;
  until: PresetUntil;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A week: the longest pause Courier asks for. */
export const MINUTES_MAX = 7 * 24 * 60;

export const DEFAULT_PRESETS: readonly StatusPreset[] = [
  { emoji: ':calendar:', text: 'In a meeting', until: { kind: 'minutes', minutes: 60 } },
  { emoji: ':headphones:', text: 'Focusing', until: { kind: 'time', time: '17:00' } },
  { emoji: ':knife_fork_plate:', text: 'Lunch', until: { kind: 'minutes', minutes: 30 } },
  { emoji: ':face_with_thermometer:', text: 'Out sick', until: { kind: 'tomorrow' } },
];

/** What is wrong with a preset, as a sentence for the form; empty when it is fine. */
export function presetProblem(preset: StatusPreset): string {
  if (!EMOJI_NAME.test(preset.emoji))
    return 'Write the emoji as its Slack short name between colons, such as :calendar:.';
  if (!preset.text.trim()) return 'Say what the status says.';
  if (preset.text.length > STATUS_TEXT_MAX) return `Slack takes at most ${STATUS_TEXT_MAX} characters of status.`;
  const { until } = preset;
  if (
    until.kind === 'minutes' &&
    !(Number.isInteger(until.minutes) && until.minutes >= 1 && until.minutes <= MINUTES_MAX)
  ) {
    return `Give a whole number of minutes from 1 to ${MINUTES_MAX}.`;
  }
  if (until.kind === 'time' && !TIME.test(until.time)) return 'Give a time of day such as 17:00.';
  return '';
}

function untilOf(value: unknown): PresetUntil | undefined {
  const until = value as Partial<Record<string, unknown>> | null;
  switch (until?.kind) {
    case 'minutes':
      return typeof until.minutes === 'number' ? { kind: 'minutes', minutes: until.minutes } : undefined;
    case 'time':
      return typeof until.time === 'string' ? { kind: 'time', time: until.time } : undefined;
    case 'tomorrow':
    case 'never':
      return { kind: until.kind };
    default:
      return undefined;
  }
}

/** Stored presets as presets: entries of another shape, or that the form would refuse, are left out. */
export function parsePresets(value: unknown): StatusPreset[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((entry: unknown) => {
    const raw = entry as Partial<Record<string, unknown>> | null;
    const until = untilOf(raw?.until);
    if (typeof raw?.emoji !== 'string' || typeof raw.text !== 'string' || !until) return [];
    const preset = { emoji: raw.emoji, text: raw.text, until };
    return presetProblem(preset) ? [] : [preset];
  });
}

/** When a status set at `now` with this preset clears, in unix seconds (0: never), in the browser's time zone. */
export function expirationOf(until: PresetUntil, now: Date): number {
  const at = new Date(now);
  switch (until.kind) {
    case 'never':
      return 0;
    case 'minutes':
      return Math.floor(now.getTime() / 1000) + until.minutes * 60;
    case 'tomorrow':
      at.setHours(24, 0, 0, 0);
      break;
    case 'time': {
      const [hours = 0, minutes = 0] = until.time.split(':').map(Number);
      at.setHours(hours, minutes, 0, 0);
      // A time already past today means that time tomorrow.
      if (at <= now) at.setDate(at.getDate() + 1);
      break;
    }
  }
  return Math.floor(at.getTime() / 1000);
}

/** How a preset's end reads on a button or in a list: "1 hour", "until 17:00", "until tomorrow". */
export function describeUntil(until: PresetUntil): string {
  switch (until.kind) {
    case 'never':
      return "doesn't clear";
    case 'tomorrow':
      return 'until tomorrow';
    case 'time':
      return `until ${until.time}`;
    case 'minutes': {
      const { minutes } = until;
      if (minutes % 60 !== 0) return `${minutes} minutes`;
      const hours = minutes / 60;
      return `${hours} hour${hours === 1 ? '' : 's'}`;
    }
  }
}
