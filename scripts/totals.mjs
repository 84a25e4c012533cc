// Prints one line, "N passed, N failed", from the vitest and Playwright JSON reports.
// A report that is missing (its step never ran or crashed) counts as one failure, so a broken
// run can never print a clean total.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;

function count(file, read) {
  if (!existsSync(file)) {
    failed += 1;
    console.error(`No report at ${file}: counted as a failure.`);
    return;
  }
  const totals = read(JSON.parse(readFileSync(file, 'utf8')));
  passed += totals.passed;
  failed += totals.failed;
}

for (const file of process.argv.slice(2)) {
  count(file, (report) =>
    'numPassedTests' in report
      ? // vitest
        { passed: report.numPassedTests, failed: report.numFailedTests }
      : // Playwright: flaky tests passed on retry; unexpected ones failed.
        { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected },
  );
}

console.log(`${passed} passed, ${failed} failed`);
