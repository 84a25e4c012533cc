import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Types into a Channel picker (the popup's, or one inside `scope`) until the directory offers the
 * channel, then chooses it.
 */
export async function pickChannel(scope: Page | Locator, name: string): Promise<void> {
  const picker = scope.getByRole('combobox', { name: 'Channel' });
  await picker.fill(name);
  await expect(scope.getByRole('option', { name: new RegExp(`^\\W*${name}\\W*$`) })).toBeVisible({ timeout: 20_000 });
  await picker.press('Enter');
  // "Channel: chosen" (an outbox item's picker) or "Channels and people: chosen" (the composer's).
  await expect(scope.getByRole('list', { name: /^Channel.*: chosen$/ })).toContainText(name);
}
