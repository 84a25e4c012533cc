import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { findChromium } from '../test/support/chromium';

/** What the figures were measured on: ratios travel between machines, absolute times do not. */
export function describeMachine(): string[] {
  const cpus = os.cpus();
  let chromium = 'not found';
  try {
    chromium = execFileSync(findChromium(), ['--version'], { encoding: 'utf8' }).trim();
  } catch (error) {
    chromium = `unavailable (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
  }
  return [
    `Date: ${new Date().toISOString()}`,
    `CPU: ${cpus[0]?.model.trim() ?? 'unknown'}, ${cpus.length} cores (load average ${os
      .loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')})`,
    `Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB (${(os.freemem() / 2 ** 30).toFixed(1)} GiB free at start)`,
    `OS: ${os.type()} ${os.release()} ${os.arch()}`,
    `Node: ${process.version}`,
    `Chromium: ${chromium}`,
  ];
}
