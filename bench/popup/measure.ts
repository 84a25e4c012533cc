import type { BrowserContext, Page } from '@playwright/test';

/** The mark Courier's popup sets when its picker is interactive (see components/ChannelPicker). */
export const PICKER_MARK = 'picker-interactive';
/** The mark the blank baseline page sets when it has rendered (bench/fixtures/minimal). */
export const BLANK_MARK = 'interactive';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Waits for a performance mark and returns its time since navigation start (ms). */
export async function markTime(page: Page, name: string, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction((mark) => performance.getEntriesByName(mark, 'mark')[0]?.startTime, name, {
    timeout: timeoutMs,
    polling: 5,
  });
  return (await handle.jsonValue()) as number;
}

/** How long each page is left alone after it closes, before the next one opens. */
const SETTLE_MS = 400;

export interface Opening {
  /** Navigation start to the page's mark (ms). */
  time: number;
  /** Navigation start to each of the other marks asked for, when the page set it. */
  marks: Record<string, number>;
}

/**
 * Opens a page in a new tab, waits for its mark, closes it, then waits SETTLE_MS: what a page
 * leaves running after its mark (Courier's worker answering the popup's later requests, a closing
 * renderer) would otherwise land in the next opening, which is the other page's half the time.
 */
export async function openToMark(
  context: BrowserContext,
  url: string,
  mark: string,
  breakdown: readonly string[] = [],
): Promise<Opening> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    const time = await markTime(page, mark);
    const marks = await page.evaluate(
      (names) =>
        Object.fromEntries(
          names.flatMap((name) => performance.getEntriesByName(name, 'mark').map((entry) => [name, entry.startTime])),
        ),
      [...breakdown],
    );
    return { time, marks };
  } finally {
    await page.close();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
}

export interface OpenedPage {
  url: string;
  mark: string;
  /** Marks reported beside the total, as medians (the popup's breakdown). */
  breakdown?: readonly string[];
}

/** Both pages opened `runs` times, alternately, so a noisy moment hits both alike. */
export async function interleavedOpens(
  context: BrowserContext,
  runs: number,
  courier: OpenedPage,
  baseline: OpenedPage,
): Promise<{ courier: number[]; baseline: number[]; breakdown: Record<string, number> }> {
  const open = (page: OpenedPage) => openToMark(context, page.url, page.mark, page.breakdown);
  // One unmeasured open of each: the first load of an extension's files is a cold disk read.
  await open(baseline);
  await open(courier);
  const result = { courier: [] as number[], baseline: [] as number[] };
  const marks: Record<string, number[]> = {};
  for (let run = 0; run < runs; run++) {
    result.baseline.push((await open(baseline)).time);
    const opening = await open(courier);
    result.courier.push(opening.time);
    for (const [name, time] of Object.entries(opening.marks)) (marks[name] ??= []).push(time);
  }
  const breakdown = Object.fromEntries(Object.entries(marks).map(([name, times]) => [name, median(times)]));
  return { ...result, breakdown };
}

/**
 * JS heap in use (MB) by a freshly opened page once it is interactive and has settled, after a full
 * garbage collection, through the DevTools protocol.
 */
export async function heapAfterOpening(context: BrowserContext, url: string, mark: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  await markTime(page, mark);
  await page.waitForTimeout(1_000);
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 1024 / 1024;
  } finally {
    await cdp.detach();
    await page.close();
  }
}

export interface KeyLatency {
  /** keydown → the list re-rendered and laid out (the work the page does for the key). */
  rendered: number;
  /** keydown → the next animation frame after that, painted. */
  painted: number;
}

/**
 * Types each query into the Channel combobox one key at a time, as a person does, and records per
 * key press: the keydown's timestamp to the filtered list rendered and laid out (a microtask queued
 * after the input event runs after Preact's render, which Preact queues first), and to the frame
 * after it (requestAnimationFrame, then a message task: the frame has been painted by then).
 */
export async function typingLatencies(page: Page, queries: readonly string[]): Promise<KeyLatency[]> {
  await page.evaluate(() => {
    const samples: { rendered: number; painted: number }[] = [];
    Object.assign(globalThis, { keySamples: samples });
    let started = 0;
    let rendered = 0;
    let typed = false;
    addEventListener(
      'keydown',
      (event) => {
        started = event.timeStamp;
        // Printable keys only: clearing the field between queries is not typing.
        typed = event.key.length === 1;
      },
      true,
    );
    addEventListener('input', () => {
      if (!typed) return;
      typed = false;
      queueMicrotask(() => {
        document.querySelector('[role="listbox"]')?.getBoundingClientRect();
        rendered = performance.now() - started;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => samples.push({ rendered, painted: performance.now() - started });
          channel.port2.postMessage(null);
        });
      });
    });
  });
  const picker = page.getByRole('combobox', { name: 'Channel' });
  await picker.focus();
  for (const query of queries) {
    for (const key of query) {
      await page.keyboard.type(key);
      // The next key waits for this one's frame, as a person's typing is slower than a frame.
      await page.waitForTimeout(60);
    }
    await picker.fill('');
  }
  return page.evaluate(() => (globalThis as unknown as { keySamples: KeyLatency[] }).keySamples.slice());
}
