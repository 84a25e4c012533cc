import type { BrowserContext, Page } from '@playwright/test';
import { DEMO_APP as DEMO_CLIENT } from '../emulator/index';
import { linkedAccounts } from './extension-calls';

export interface ProfileFields {
  name: string;
  clientId: string;
  clientSecret?: string;
  baseUrl: string;
  /** Public (PKCE) client instead of confidential. */
  pkce?: boolean;
}

/** Fills the Profiles form the way a person does and saves it. */
export async function addProfile(page: Page, fields: ProfileFields): Promise<void> {
  await page.getByRole('button', { name: 'Add profile' }).click();
  const form = page.getByRole('form', { name: 'New connector profile' });
  await form.getByLabel('Profile name', { exact: true }).fill(fields.name);
  if (fields.pkce) await form.getByLabel('Public (PKCE, client ID only)', { exact: true }).check();
  await form.getByLabel('Client ID', { exact: true }).fill(fields.clientId);
  if (fields.clientSecret !== undefined)
    await form.getByLabel('Client secret', { exact: true }).fill(fields.clientSecret);
  await form.getByLabel('Slack base URL', { exact: true }).fill(fields.baseUrl);
  await form.getByRole('button', { name: 'Save profile' }).click();
}

/**
 * Clicks "Connect workspace" on a profile and answers Slack's consent page, which the browser's
 * identity API opens in its own window.
 */
export async function connectWorkspace(
  context: BrowserContext,
  page: Page,
  options: { profile: string; answer: 'Allow' | 'Cancel'; /** Team id to pick on the consent page. */ team?: string },
): Promise<void> {
  const consentOpened = context.waitForEvent('page');
  const card = page.getByRole('article', { name: options.profile });
  await card.getByRole('button', { name: 'Connect workspace' }).click();
  const consent = await consentOpened;
  await consent.waitForLoadState();
  if (options.team) await consent.getByLabel('Workspace', { exact: true }).selectOption(options.team);
  await consent.getByRole('button', { name: options.answer }).click();
}

/**
 * The usual first step of a test: a profile for the emulator's demo app, then Acme Corp linked
 * through the consent page. Returns the linked account's summary.
 */
export async function linkDemoWorkspace(context: BrowserContext, page: Page, baseUrl: string) {
  await addProfile(page, {
    name: 'Emulator',
    clientId: DEMO_CLIENT.clientId,
    clientSecret: DEMO_CLIENT.clientSecret,
    baseUrl,
  });
  await connectWorkspace(context, page, { profile: 'Emulator', answer: 'Allow' });
  await page.getByTestId('connect-status').filter({ hasText: 'Linked Acme Corp.' }).waitFor();
  const [account] = await linkedAccounts(page);
  if (!account) throw new Error('Acme Corp was not linked');
  return account;
}
