import { expect, type Page } from '@playwright/test';

/** Types into the popup's Channel picker until the directory offers the channel, then chooses it. */
export async function pickChannel(popup: Page, name: string): Promise<void> {
  const picker = popup.getByRole('combobox', { name: 'Channel' });
  await picker.fill(name);
  await expect(popup.getByRole('option', { name: new RegExp(`^\\W*${name}\\W*$`) })).toBeVisible({ timeout: 20_000 });
  await picker.press('Enter');
  await expect(popup.getByRole('list', { name: 'Channel: chosen' })).toContainText(name);
}
