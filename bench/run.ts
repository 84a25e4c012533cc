// Node and the background's services first: wxt/browser picks its `browser` when it loads.
import './node-env';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describeMachine } from './machine';
import { markdownTable, textTable } from './table';
import type { Benchmark, BenchRow } from './types';

/**
 * Every benchmark, run one after another (never two at once: they would time each other). Adding
 * one is one line here. Each module's default export is its Benchmark.
 */
const BENCHMARKS: [name: string, load: () => Promise<{ default: Benchmark }>][] = [
  ['popup', () => import('./popup.bench')],
  ['client overhead', () => import('./client.bench')],
  ['upload', () => import('./upload.bench')],
  ['refresh under load', () => import('./refresh.bench')],
  ['fan-out', () => import('./fanout.bench')],
  ['service worker wake', () => import('./wake.bench')],
  ['idle wake-ups', () => import('./idle.bench')],
];

const RESULTS = path.join(import.meta.dirname, 'RESULTS.md');
/** Hand-kept notes (what was changed for which goal, with figures before and after), copied into RESULTS.md. */
const NOTES = path.join(import.meta.dirname, 'notes.md');

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const machine = describeMachine();
  console.info(machine.join('\n'));
  const rows: BenchRow[] = [];
  const crashed: string[] = [];
  const started = performance.now();
  for (const [name, load] of BENCHMARKS) {
    if (only.length > 0 && !only.some((word) => name.includes(word))) continue;
    const t0 = performance.now();
    console.info(`\n▶ ${name}`);
    try {
      const found = await (await load()).default();
      for (const row of found) console.info(`  ${row.name}: ${row.courier.toPrecision(3)} ${row.unit}`);
      rows.push(...found);
    } catch (error) {
      crashed.push(name);
      console.error(`✖ ${name} crashed:`, error);
    }
    console.info(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const minutes = (performance.now() - started) / 60_000;

  console.info(`\n${textTable(rows)}\n`);
  const notes = rows.filter((row) => row.note).map((row) => `- ${row.name}: ${row.note!}`);
  const report = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts). Figures are medians of several runs; each baseline ran',
    "in the same process or browser session as Courier's figure, interleaved with it, so the ratio is",
    'the figure to compare between machines.',
    '',
    '## Machine',
    '',
    ...machine.map((line) => `- ${line}`),
    `- Whole run: ${minutes.toFixed(1)} min`,
    '',
    '## Results',
    '',
    markdownTable(rows),
    '',
    ...(crashed.length > 0 ? ['## Crashed', '', ...crashed.map((name) => `- ${name}`), ''] : []),
    ...(notes.length > 0 ? ['## Notes on this run', '', ...notes, ''] : []),
    (await readFile(NOTES, 'utf8')).trim(),
    '',
  ].join('\n');
  await writeFile(RESULTS, report);
  console.info(`Written to ${path.relative(process.cwd(), RESULTS)} (${minutes.toFixed(1)} min).`);
  // Missed goals are FAIL rows, not a failed command: the table is the product. Only a crash fails.
  if (crashed.length > 0) process.exitCode = 1;
}

await main();
