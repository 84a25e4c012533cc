import { defineConfig } from '@playwright/test';

const CI = Boolean(process.env.CI);

export default defineConfig({
  testMatch: '**/*.spec.ts',
  // The same user flows in both browsers: Chromium through Playwright, Firefox through
  // puppeteer-core over WebDriver BiDi (see test/support/firefox.ts). One report counts both.
  projects: [
    { name: 'chromium', testDir: 'test/e2e' },
    { name: 'firefox', testDir: 'test/e2e-firefox' },
  ],
  // One browser at a time: the machine has two cores, and every test owns a whole browser.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: { trace: 'retain-on-failure' },
});
