// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { revisionRun, watchRevision } from './revision';

let bumps = 0;
let stop: () => void;
beforeEach(() => {
  vi.useFakeTimers();
  bumps = 0;
  stop = watchRevision('outbox', () => bumps++);
});
afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('revisionRun', () => {
  it('many changes close together are one bump, at the end of the run', async () => {
    const run = revisionRun('outbox', 250);
    for (let i = 0; i < 50; i++) run.changed();
    await vi.advanceTimersByTimeAsync(100);
    expect(bumps).toBe(0);

    await run.done();

    expect(bumps).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(bumps).toBe(1);
  });

  it('a long run tells the pages while it lasts, at most once per interval', async () => {
    const run = revisionRun('outbox', 250);
    for (let ms = 0; ms < 1_000; ms += 50) {
      run.changed();
      await vi.advanceTimersByTimeAsync(50);
    }
    // At 250, 500, 750 and 1 000 ms.
    expect(bumps).toBe(4);

    run.changed();
    await run.done();

    expect(bumps).toBe(5);
  });

  it('a run that changed nothing, or nothing since its last bump, does not bump at the end', async () => {
    const idle = revisionRun('outbox', 250);
    await idle.done();
    expect(bumps).toBe(0);

    const run = revisionRun('outbox', 250);
    run.changed();
    await vi.advanceTimersByTimeAsync(250);
    expect(bumps).toBe(1);
    await run.done();
    expect(bumps).toBe(1);
  });
});
