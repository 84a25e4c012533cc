// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESETS, describeUntil, expirationOf, parsePresets, presetProblem } from './presets';

const at = (text: string) => new Date(text);
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe('status presets', () => {
  it("are the issue's four by default, each valid", () => {
    expect(DEFAULT_PRESETS.map((preset) => [preset.emoji, preset.text, describeUntil(preset.until)])).toEqual([
      [':calendar:', 'In a meeting', '1 hour'],
      [':headphones:', 'Focusing', 'until 17:00'],
      [':knife_fork_plate:', 'Lunch', '30 minutes'],
      [':face_with_thermometer:', 'Out sick', 'until tomorrow'],
    ]);
    expect(DEFAULT_PRESETS.map(presetProblem)).toEqual(['', '', '', '']);
  });

  it('clear after minutes, at a time of day (tomorrow once it has passed), at midnight, or never', () => {
    const now = at('2026-03-10T10:15:00');
    expect(expirationOf({ kind: 'minutes', minutes: 30 }, now)).toBe(seconds(now) + 1800);
    expect(expirationOf({ kind: 'time', time: '17:00' }, now)).toBe(seconds(at('2026-03-10T17:00:00')));
    expect(expirationOf({ kind: 'time', time: '09:00' }, now)).toBe(seconds(at('2026-03-11T09:00:00')));
    expect(expirationOf({ kind: 'tomorrow' }, now)).toBe(seconds(at('2026-03-11T00:00:00')));
    expect(expirationOf({ kind: 'never' }, now)).toBe(0);
  });

  it('say what is wrong with one', () => {
    const ok = DEFAULT_PRESETS[0]!;
    expect(presetProblem({ ...ok, emoji: 'calendar' })).toMatch(/short name/);
    expect(presetProblem({ ...ok, text: ' ' })).toMatch(/says/);
    expect(presetProblem({ ...ok, text: 'x'.repeat(101) })).toMatch(/100/);
    expect(presetProblem({ ...ok, until: { kind: 'minutes', minutes: 0 } })).toMatch(/minutes/);
    expect(presetProblem({ ...ok, until: { kind: 'time', time: '25:00' } })).toMatch(/time of day/);
  });

  it('read stored values, leaving out what is not a preset', () => {
    expect(parsePresets('x')).toBeUndefined();
    const stored = [
      DEFAULT_PRESETS[0],
      { emoji: ':x:', text: 'Bad until', until: { kind: 'soon' } },
      { emoji: 'nope', text: 'Bad emoji', until: { kind: 'never' } },
      { emoji: ':zzz:', text: 'Away', until: { kind: 'never' } },
    ];
    expect(parsePresets(stored)).toEqual([
      DEFAULT_PRESETS[0],
      { emoji: ':zzz:', text: 'Away', until: { kind: 'never' } },
    ]);
  });
});
