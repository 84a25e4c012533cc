/**
 * One line of the benchmark table. Every figure is a median of several runs, and the baseline ran in
 * the same process or the same browser session as Courier's figure, so the ratio survives a noisy
 * machine even when the absolute figures do not.
 */
export interface BenchRow {
  /** What was measured, e.g. "popup at scale (20k channels, 50k users)". */
  name: string;
  unit: 'ms' | 'MB' | 'count' | 'MB/s';
  courier: number;
  /** Absent when the benchmark has a goal of its own rather than a baseline (e.g. heap under 30 MB). */
  baseline?: number;
  baselineName?: string;
  /** The goal in words, e.g. "≤ 1.5× blank page", "p95 ≤ 16 ms". */
  goal: string;
  /** Whether the goal is met; undefined when the row only reports (e.g. a sweep point). */
  pass?: boolean;
  note?: string;
}

/** A benchmark module exports this; bench/run.ts runs them one after another. */
export type Benchmark = () => Promise<BenchRow[]>;
