#!/usr/bin/env bash
# Every check Courier has, in named steps so a failure says where it is. Steps after a failure
# still run, so one run reports everything; the last line is the totals of vitest and Playwright.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p reports
rm -f reports/vitest.json reports/playwright.json

failed_steps=()
step() {
  local name=$1
  shift
  echo
  echo "── $name: $*"
  if ! "$@"; then
    failed_steps+=("$name")
  fi
}

step lint npx eslint . --max-warnings=0
step format npx prettier --check . --log-level warn
step types npx tsc --noEmit
step import-circles node scripts/import-cycles.mjs
step unit npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
step build npm run --silent build
step budgets node scripts/budgets.mjs
step store-build node scripts/store-build.mjs
step firefox-lint npx web-ext lint --source-dir .output/firefox-mv3 --self-hosted --output text
step build-e2e npm run --silent build:e2e:chrome
step build-e2e-grant npm run --silent build:e2e:grant
step build-e2e-firefox npm run --silent build:e2e:firefox
# Both browsers in one Playwright run (projects "chromium" and "firefox"), so one report counts both.
step e2e npx playwright test

echo
if ((${#failed_steps[@]})); then
  echo "Failed steps: ${failed_steps[*]}"
fi
node scripts/totals.mjs reports/vitest.json reports/playwright.json
((${#failed_steps[@]} == 0))
