import { describe, expect, it } from 'vitest';
import { defaultPostTime, postAtFrom, SCHEDULE_PRESETS, toLocalInput } from './schedule';

describe('schedule', () => {
  const now = new Date(2030, 4, 10, 15, 42);

  it('defaults to tomorrow at 09:00 local time', () => {
    expect(defaultPostTime(now)).toBe('2030-05-11T09:00');
  });

  it('reads a datetime-local value in local time', () => {
    const later = new Date(2030, 4, 12, 8, 5);
    expect(postAtFrom(toLocalInput(later), now.getTime())).toEqual({ postAt: later.getTime() / 1000 });
  });

  it('says what to fix', () => {
    expect(postAtFrom('', now.getTime())).toEqual({ error: 'Enter the date and time to send at.' });
    expect(postAtFrom('2030-05-10T15:00', now.getTime())).toEqual({ error: 'Pick a time in the future.' });
    expect(postAtFrom('2031-05-10T15:00', now.getTime())).toEqual({
      error: 'Slack schedules messages at most 120 days ahead.',
    });
  });

  it('offers an hour from now, tomorrow at 9:00 and the coming Monday at 9:00', () => {
    const at = (label: string, from: Date) =>
      toLocalInput(SCHEDULE_PRESETS.find((preset) => preset.label === label)!.at(from));
    expect(SCHEDULE_PRESETS.map((preset) => preset.label)).toEqual(['In 1 hour', 'Tomorrow 9:00', 'Monday 9:00']);
    expect(at('In 1 hour', now)).toBe('2030-05-10T16:42');
    expect(at('In 1 hour', new Date(2030, 11, 31, 23, 30))).toBe('2031-01-01T00:30');
    expect(at('Tomorrow 9:00', new Date(2030, 4, 31, 23, 59))).toBe('2030-06-01T09:00');
    // 10 May 2030 is a Friday; from a Sunday it is the next day; from a Monday, a week on.
    expect(at('Monday 9:00', now)).toBe('2030-05-13T09:00');
    expect(at('Monday 9:00', new Date(2030, 4, 12, 20, 0))).toBe('2030-05-13T09:00');
    expect(at('Monday 9:00', new Date(2030, 4, 13, 7, 0))).toBe('2030-05-20T09:00');
    for (const preset of SCHEDULE_PRESETS)
      expect(postAtFrom(toLocalInput(preset.at(now)), now.getTime())).toHaveProperty('postAt');
  });
});
