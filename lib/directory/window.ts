/**
 * Windowing for a list of fixed-height rows: which rows to render for a scroll position, and where
 * to scroll so that a row is in view. Pure arithmetic, so a 70 000-row list renders a dozen rows.
 */

export interface Viewport {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
}

export interface WindowInput extends Viewport {
  count: number;
  /** Extra rows rendered above and below the visible ones. */
  overscan?: number;
}

/** Rows `start` (inclusive) to `end` (exclusive). */
export interface RowWindow {
  start: number;
  end: number;
}

export function visibleWindow({ scrollTop, viewportHeight, rowHeight, count, overscan = 0 }: WindowInput): RowWindow {
  if (count <= 0 || rowHeight <= 0 || viewportHeight <= 0) return { start: 0, end: 0 };
  // Browsers clamp scrollTop to the content; do the same for a stale value after the list shrank.
  const maxScroll = Math.max(0, count * rowHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxScroll);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + viewportHeight) / rowHeight);
  return { start: Math.max(0, first - overscan), end: Math.min(count, last + overscan) };
}

/** The scrollTop that brings row `index` fully into view with the least movement ("nearest"). */
export function scrollTopFor(index: number, { scrollTop, viewportHeight, rowHeight }: Viewport): number {
  const rowTop = index * rowHeight;
  const rowBottom = rowTop + rowHeight;
  if (rowTop < scrollTop) return rowTop;
  // A row taller than the viewport shows its top.
  if (rowBottom > scrollTop + viewportHeight) return Math.min(rowTop, rowBottom - viewportHeight);
  return scrollTop;
}
