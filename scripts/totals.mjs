// Prints one line, "N passed, N failed", from the vitest and Playwright JSON reports.
// A report that is missing (its step never ran or crashed) counts as one failure, so a broken
// run can never print a clean total. Playwright's report holds both browsers (its projects); a
// line per browser comes first, and a browser that ran no test at all counts as one failure too.
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

/** Every test of a Playwright report, from its nested suites. */
function playwrightTests(suite) {
  return [...(suite.specs ?? []).flatMap((spec) => spec.tests ?? []), ...(suite.suites ?? []).flatMap(playwrightTests)];
}

function perBrowser(report) {
  const byProject = new Map((report.config?.projects ?? []).map((project) => [project.name, { passed: 0, failed: 0 }]));
  for (const test of (report.suites ?? []).flatMap(playwrightTests)) {
    const totals = byProject.get(test.projectName) ?? { passed: 0, failed: 0 };
    if (test.status === 'expected' || test.status === 'flaky') totals.passed += 1;
    else if (test.status === 'unexpected') totals.failed += 1;
    byProject.set(test.projectName, totals);
  }
  let empty = 0;
  for (const [name, totals] of byProject) {
    console.log(`e2e ${name}: ${totals.passed} passed, ${totals.failed} failed`);
    if (totals.passed + totals.failed === 0) {
      console.error(`e2e ${name} ran no test: counted as a failure.`);
      empty += 1;
    }
  }
  return empty;
}

for (const file of process.argv.slice(2)) {
  count(file, (report) =>
    'numPassedTests' in report
      ? // vitest
        { passed: report.numPassedTests, failed: report.numFailedTests }
      : // Playwright: flaky tests passed on retry; unexpected ones failed.
        {
          passed: report.stats.expected + report.stats.flaky,
          failed: report.stats.unexpected + perBrowser(report),
        },
  );
}

console.log(`${passed} passed, ${failed} failed`);
