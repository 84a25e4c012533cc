import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { formatWhen, When } from './When';

afterEach(() => cleanup());

describe('formatWhen', () => {
  // Local dates: the words depend on the calendar day where the person is, whatever the zone.
  const now = new Date(2030, 4, 10, 15, 42); // Friday 10 May 2030

  it('names yesterday, today and tomorrow, with the time', () => {
    expect(formatWhen(new Date(2030, 4, 10, 9, 0), { now, locale: 'en-GB' })).toBe('Today, 9:00');
    expect(formatWhen(new Date(2030, 4, 11, 0, 5), { now, locale: 'en-GB' })).toBe('Tomorrow, 0:05');
    expect(formatWhen(new Date(2030, 4, 9, 23, 59), { now, locale: 'en-GB' })).toBe('Yesterday, 23:59');
    expect(formatWhen(new Date(2030, 4, 11, 9, 0), { now, locale: 'en-US' })).toBe('Tomorrow, 9:00 AM');
    expect(formatWhen(new Date(2030, 4, 11, 9, 0), { now, locale: 'en-GB', inSentence: true })).toBe('tomorrow, 9:00');
    expect(formatWhen(new Date(2030, 4, 13, 9, 0), { now, locale: 'en-GB', inSentence: true })).toBe(
      'Mon 13 May, 9:00',
    );
  });

  it('gives the weekday and date this year, and the year otherwise', () => {
    expect(formatWhen(new Date(2030, 4, 13, 9, 0), { now, locale: 'en-GB' })).toBe('Mon 13 May, 9:00');
    expect(formatWhen(new Date(2030, 0, 14, 17, 30), { now, locale: 'en-GB' })).toBe('Mon 14 Jan, 17:30');
    expect(formatWhen(new Date(2031, 0, 14, 9, 0), { now, locale: 'en-GB' })).toBe('14 Jan 2031, 9:00');
    expect(formatWhen(new Date(2029, 11, 31, 9, 0), { now, locale: 'en-GB' })).toBe('31 Dec 2029, 9:00');
  });

  it('takes epoch milliseconds and says nothing for an invalid date', () => {
    expect(formatWhen(new Date(2030, 4, 10, 9, 0).getTime(), { now, locale: 'en-GB' })).toBe('Today, 9:00');
    expect(formatWhen(Number.NaN, { now })).toBe('');
  });

  it('renders a <time> with the exact instant', () => {
    const at = new Date(2030, 4, 11, 9, 0);
    const { container } = render(<When at={at.getTime()} now={now} />);
    const time = container.querySelector('time')!;
    expect(time.getAttribute('datetime')).toBe(at.toISOString());
    expect(time.textContent).toMatch(/^Tomorrow, /);
  });
});
