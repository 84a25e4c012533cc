import { describe, expect, it } from 'vitest';
import { defaultPostTime, postAtFrom, toLocalInput } from './schedule';

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
});
