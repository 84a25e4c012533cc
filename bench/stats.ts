/** The value below which `fraction` of the samples fall (nearest rank), e.g. 0.5 for the median. */
export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) throw new Error('No samples to summarize.');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]) => percentile(samples, 0.5);

/** Milliseconds `work` took, on the monotonic clock. */
export async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/**
 * Runs each contender `rounds` times, interleaved and in a rotating order (A B C, B C A, C A B…),
 * so a burst of load from elsewhere on the machine falls on all of them alike. Returns each
 * contender's samples by name.
 */
export async function interleave(
  rounds: number,
  contenders: Record<string, () => Promise<number>>,
): Promise<Record<string, number[]>> {
  const names = Object.keys(contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length]!;
      samples[name]!.push(await contenders[name]!());
    }
  }
  return samples;
}

/** Rounds a figure for the table: three significant digits is all a noisy machine can promise. */
export function round(value: number): number {
  return Number(value.toPrecision(3));
}
