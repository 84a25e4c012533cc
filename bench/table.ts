import type { BenchRow } from './types';

const HEADERS = ['Benchmark', "Courier's figure", "Baseline's figure", 'Ratio', 'Goal', 'Pass'];

function figure(value: number | undefined, unit: BenchRow['unit']): string {
  if (value === undefined) return '—';
  const shown = Number(value.toPrecision(3)).toString();
  return unit === 'count' ? shown : `${shown} ${unit}`;
}

export function ratioOf(row: BenchRow): number | undefined {
  return row.baseline === undefined || row.baseline === 0 ? undefined : row.courier / row.baseline;
}

/** One row's cells, in the order of HEADERS. */
export function cells(row: BenchRow): string[] {
  const ratio = ratioOf(row);
  const baseline = row.baseline === undefined ? '—' : `${figure(row.baseline, row.unit)} (${row.baselineName ?? '?'})`;
  return [
    row.name,
    figure(row.courier, row.unit),
    baseline,
    ratio === undefined ? '—' : `${ratio.toFixed(2)}×`,
    row.goal,
    row.pass === undefined ? 'report' : row.pass ? 'PASS' : 'FAIL',
  ];
}

/** A plain-text table for the terminal, columns padded to their widest cell. */
export function textTable(rows: readonly BenchRow[]): string {
  const body = rows.map(cells);
  const widths = HEADERS.map((header, i) => Math.max(header.length, ...body.map((line) => line[i]!.length)));
  const line = (values: string[]) => values.map((value, i) => value.padEnd(widths[i]!)).join('  ');
  return [line(HEADERS), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const escapeCell = (value: string) => value.replaceAll('|', '\\|');

export function markdownTable(rows: readonly BenchRow[]): string {
  const line = (values: string[]) => `| ${values.map(escapeCell).join(' | ')} |`;
  return [line(HEADERS), line(HEADERS.map(() => '---')), ...rows.map((row) => line(cells(row)))].join('\n');
}
