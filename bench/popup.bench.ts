import { pathToFileURL } from 'node:url';
import { DIRECTORY_MARKS } from '../lib/directory/read';
import { cacheDirectory } from './popup/directory';
import {
  BLANK_MARK,
  heapAfterOpening,
  interleavedOpens,
  markTime,
  median,
  percentile,
  PICKER_MARK,
  typingLatencies,
} from './popup/measure';
import { openSession } from './popup/session';
import type { Benchmark, BenchRow } from './types';

const CHANNELS = 20_000;
const SWEEP = [1_000, 10_000, 50_000] as const;
const AT_SCALE = 50_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const RATIO_GOAL = 1.5;
const KEY_GOAL_MS = 16;
const HEAP_GOAL_MB = 30;

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Where the popup's opening goes: the database open, the records read, the index ready. */
const BREAKDOWN = Object.values(DIRECTORY_MARKS);
const SETTLE_NOTE = 'after the machine was left alone for 400 ms';
const describe = (marks: Record<string, number>) =>
  BREAKDOWN.map((name) => `${name} ${marks[name]?.toFixed(1) ?? '—'} ms`).join(', ');

/**
 * The popup at scale: navigation start to the picker being interactive, against the blank Preact
 * page in the same browser; the cost as the directory grows; key press to filtered list; heap.
 */
export const popupBench: Benchmark = async () => {
  const session = await openSession('T0BENCH01', 'Benchco');
  const rows: BenchRow[] = [];
  try {
    const courier = { url: session.courierUrl('popup.html'), mark: PICKER_MARK, breakdown: BREAKDOWN };
    const blank = { url: session.blankUrl, mark: BLANK_MARK };
    let queries: string[] = [];
    for (const users of SWEEP) {
      const cached = await cacheDirectory(session, { channels: CHANNELS, users });
      queries = cached.queries;
      const opens = await interleavedOpens(session.context, RUNS, courier, blank);
      const ratio = median(opens.courier) / median(opens.baseline);
      const main = users === AT_SCALE;
      rows.push({
        name: `popup at scale: open to picker interactive (${CHANNELS / 1000}k channels, ${users / 1000}k users${main ? '' : ', sweep'})`,
        unit: 'ms',
        courier: round(median(opens.courier)),
        baseline: round(median(opens.baseline)),
        baselineName: 'blank Preact extension page',
        goal: `≤ ${RATIO_GOAL}× blank page`,
        ...(main ? { pass: ratio <= RATIO_GOAL } : {}),
        note: `ratio ${ratio.toFixed(2)}; ${cached.stored} targets; median of ${RUNS} interleaved opens, each ${SETTLE_NOTE}; Courier's own marks (medians): ${describe(opens.breakdown)}`,
      });
    }

    const page = await session.context.newPage();
    await page.goto(courier.url);
    await markTime(page, PICKER_MARK);
    const keys = await typingLatencies(page, queries);
    const rendered = keys.map((key) => key.rendered);
    const painted = keys.map((key) => key.painted);
    const p95 = percentile(rendered, 95);
    rows.push({
      name: `picker search: key press to filtered list, p50 (${CHANNELS / 1000}k channels, ${AT_SCALE / 1000}k users)`,
      unit: 'ms',
      courier: round(percentile(rendered, 50), 2),
      goal: 'reported (the goal is on p95)',
      note: `to the next frame painted: p50 ${percentile(painted, 50).toFixed(1)} ms`,
    });
    rows.push({
      name: `picker search: key press to filtered list, p95 (${CHANNELS / 1000}k channels, ${AT_SCALE / 1000}k users)`,
      unit: 'ms',
      courier: round(p95, 2),
      goal: `p95 ≤ ${KEY_GOAL_MS} ms`,
      pass: p95 <= KEY_GOAL_MS,
      note: `${keys.length} keys typed (${queries.map((q) => JSON.stringify(q)).join(', ')}); to the next frame painted: p95 ${percentile(painted, 95).toFixed(1)} ms`,
    });

    await page.close();
    const heap = await heapAfterOpening(session.context, courier.url, courier.mark);
    const blankHeap = await heapAfterOpening(session.context, blank.url, blank.mark);
    rows.push({
      name: `popup memory: JS heap after opening (${CHANNELS / 1000}k channels, ${AT_SCALE / 1000}k users)`,
      unit: 'MB',
      courier: round(heap),
      baseline: round(blankHeap),
      baselineName: 'blank Preact extension page',
      goal: `< ${HEAP_GOAL_MB} MB`,
      pass: heap < HEAP_GOAL_MB,
      note: 'after a full GC (HeapProfiler.collectGarbage, Runtime.getHeapUsage)',
    });
  } finally {
    await session.close();
  }
  return rows;
};

export default popupBench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await popupBench()) console.log(JSON.stringify(row));
}
