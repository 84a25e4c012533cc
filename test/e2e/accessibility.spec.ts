// The popup and the options page pass axe-core's WCAG 2.1 A and AA rules, in light and in dark,
// with a workspace linked (the pages as people mostly see them).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/**
 * axe-core's violations on the page. Its source is evaluated rather than added as a script tag:
 * extension pages refuse inline scripts (MV3's content security policy), and evaluation is not one.
 */
async function violations(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  const { passed, found } = await page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    const results = (await axe.run(document, { runOnly: { type: 'tag', values: tags } })) as {
      passes: unknown[];
      violations: Violation[];
    };
    return {
      passed: results.passes.length,
      found: results.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact: impact ?? null,
        help,
        nodes: nodes.map((node) => ({ target: node.target })),
      })),
    };
  }, TAGS);
  // No violation because nothing was checked would prove nothing.
  expect(passed, 'axe-core checked rules on the page').toBeGreaterThan(10);
  return found;
}

function report(found: Violation[]): string {
  return found
    .map(
      (violation) =>
        `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${JSON.stringify(node.target)}`).join('\n'),
    )
    .join('\n');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the popup and the options page have no WCAG 2.1 A/AA violation (${colorScheme})`, async ({
    linked: { page: options },
    openPage,
  }) => {
    await options.emulateMedia({ colorScheme });
    await options.reload();
    await expect(options.getByRole('article', { name: 'Emulator' })).toBeVisible();
    await expect(options.getByText('Acme Corp').first()).toBeVisible();
    const inOptions = await violations(options);
    expect(inOptions, `options.html, ${colorScheme}:\n${report(inOptions)}`).toEqual([]);

    const { page: popup } = await openPage('popup.html');
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.emulateMedia({ colorScheme });
    await popup.reload();
    await expect(popup.getByRole('heading', { level: 1 })).toHaveText('Courier for Slack');
    await expect(popup.getByRole('combobox', { name: 'Channel' })).toBeVisible();
    const inPopup = await violations(popup);
    expect(inPopup, `popup.html, ${colorScheme}:\n${report(inPopup)}`).toEqual([]);
  });
}
