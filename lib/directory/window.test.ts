import { describe, expect, it } from 'vitest';
import { scrollTopFor, visibleWindow } from './window';

const rows = { viewportHeight: 100, rowHeight: 32 };

describe('visibleWindow', () => {
  it('covers the rows in view, including a partly visible last row', () => {
    expect(visibleWindow({ ...rows, scrollTop: 0, count: 100 })).toEqual({ start: 0, end: 4 });
    expect(visibleWindow({ ...rows, scrollTop: 40, count: 100 })).toEqual({ start: 1, end: 5 });
    expect(visibleWindow({ ...rows, scrollTop: 64, count: 100 })).toEqual({ start: 2, end: 6 });
  });

  it('adds overscan on both sides, within the list', () => {
    expect(visibleWindow({ ...rows, scrollTop: 320, count: 100, overscan: 2 })).toEqual({ start: 8, end: 16 });
    expect(visibleWindow({ ...rows, scrollTop: 0, count: 100, overscan: 2 })).toEqual({ start: 0, end: 6 });
    expect(visibleWindow({ ...rows, scrollTop: 3100, count: 100, overscan: 2 })).toEqual({ start: 94, end: 100 });
  });

  it('clamps a scroll position beyond the end (the list shrank) or before the start', () => {
    expect(visibleWindow({ ...rows, scrollTop: 99_999, count: 10 })).toEqual({ start: 6, end: 10 });
    expect(visibleWindow({ ...rows, scrollTop: -50, count: 10 })).toEqual({ start: 0, end: 4 });
  });

  it('renders every row of a list shorter than the viewport', () => {
    expect(visibleWindow({ ...rows, scrollTop: 0, count: 3, overscan: 5 })).toEqual({ start: 0, end: 3 });
  });

  it('renders nothing for an empty list or a degenerate viewport', () => {
    expect(visibleWindow({ ...rows, scrollTop: 0, count: 0, overscan: 5 })).toEqual({ start: 0, end: 0 });
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 0, rowHeight: 32, count: 10 })).toEqual({ start: 0, end: 0 });
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 100, rowHeight: 0, count: 10 })).toEqual({ start: 0, end: 0 });
  });

  it('stays small for a huge list', () => {
    const { start, end } = visibleWindow({ ...rows, scrollTop: 32 * 35_000, count: 70_000, overscan: 4 });
    expect([start, end]).toEqual([34_996, 35_008]);
  });
});

describe('scrollTopFor', () => {
  const viewport = { scrollTop: 320, viewportHeight: 100, rowHeight: 32 }; // rows 10–12 in view, 13 partly

  it('leaves the position alone when the row is fully visible', () => {
    expect(scrollTopFor(10, viewport)).toBe(320);
    expect(scrollTopFor(12, viewport)).toBe(320);
  });

  it('scrolls up to the top of a row above the view', () => {
    expect(scrollTopFor(9, viewport)).toBe(288);
    expect(scrollTopFor(0, viewport)).toBe(0);
  });

  it('scrolls down just enough to show the bottom of a row below or partly below the view', () => {
    expect(scrollTopFor(13, viewport)).toBe(32 * 14 - 100);
    expect(scrollTopFor(50, viewport)).toBe(32 * 51 - 100);
  });

  it('shows the top of a row taller than the viewport', () => {
    expect(scrollTopFor(0, { scrollTop: 0, viewportHeight: 10, rowHeight: 32 })).toBe(0);
    expect(scrollTopFor(2, { scrollTop: 0, viewportHeight: 10, rowHeight: 32 })).toBe(64);
  });
});
