import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import type { browser as ExtensionApi } from 'wxt/browser';
import type { AccountSummary, MessageType, Reply, RequestOf, ResponseOf } from '../../lib/protocol';
import { DEMO_APP } from '../emulator/index';
import { findPage } from './firefox';
import type { ProfileFields } from './options-page';

/**
 * The steps of options-page.ts for a puppeteer page in Firefox: the same labels and buttons a
 * person uses, found by their accessible names (Playwright's getByRole/getByLabel do not exist here).
 */

type Scope = Page | ElementHandle;

const WAIT_MS = 10_000;

/** Pages are searched from their document element, so both kinds of scope take the same path. */
async function rootOf(scope: Scope): Promise<ElementHandle> {
  if (!('mainFrame' in scope)) return scope;
  const root = await scope.$('html');
  if (!root) throw new Error('The page has no document yet.');
  return root;
}

async function poll<T>(find: () => Promise<T | null>, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find().catch(() => null);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`Not found in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The control a <label> with exactly this text names (wrapping or `for=`). */
export function byLabel(scope: Scope, text: string): Promise<ElementHandle<HTMLElement>> {
  return poll(async () => {
    const handle = await (
      await rootOf(scope)
    ).evaluateHandle((container, text) => {
      const label = [...container.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
      return label?.control ?? null;
    }, text);
    return (handle.asElement() as ElementHandle<HTMLElement> | null) ?? null;
  }, `the field labelled "${text}"`);
}

/** An element of a role (button, link, option, switch…) whose accessible name is exactly `name`. */
export function byRole(scope: Scope, role: string, name: string | RegExp): Promise<ElementHandle<HTMLElement>> {
  const pattern =
    typeof name === 'string' ? { source: `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, flags: '' } : name;
  return poll(
    async () => {
      const handle = await (
        await rootOf(scope)
      ).evaluateHandle(
        (container, role, source, flags) => {
          const implicit: Record<string, string> = {
            button: 'button',
            link: 'a[href]',
            article: 'article',
            form: 'form',
            list: 'ul, ol',
            listitem: 'li',
          };
          const candidates = container.querySelectorAll(
            `[role="${role}"]${implicit[role] ? `, ${implicit[role]}` : ''}`,
          );
          const nameOf = (element: Element) => {
            const labelledBy = element.getAttribute('aria-labelledby');
            if (labelledBy) return document.getElementById(labelledBy)?.textContent?.trim() ?? '';
            return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
          };
          const re = new RegExp(source, flags);
          return (
            [...candidates].find((element) => re.test(nameOf(element)) && !(element as HTMLElement).hidden) ?? null
          );
        },
        role,
        pattern.source,
        pattern.flags,
      );
      return (handle.asElement() as ElementHandle<HTMLElement> | null) ?? null;
    },
    `the ${role} "${String(name)}"`,
  );
}

export async function click(scope: Scope, role: string, name: string | RegExp): Promise<void> {
  await (await byRole(scope, role, name)).click();
}

/** Sets a field's value the way typing does: the page hears an input event. */
export async function fill(field: ElementHandle<HTMLElement>, value: string): Promise<void> {
  await field.evaluate((element, value) => {
    const input = element as HTMLInputElement;
    input.focus();
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** The text of every element matching a CSS selector, e.g. `[data-testid="connect-status"]`. */
export function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (elements) => elements.map((element) => element.textContent?.trim() ?? ''));
}

/** Sends a protocol message from an extension page, as the popup or options page would. */
export function askFrom<K extends MessageType>(
  page: Page,
  type: K,
  payload: RequestOf<K>,
): Promise<Reply<ResponseOf<K>>> {
  return page.evaluate(
    (type, payload) =>
      (globalThis as unknown as { browser: typeof ExtensionApi }).browser.runtime.sendMessage({
        courier: 1,
        type,
        payload,
      }),
    type,
    payload,
  ) as Promise<Reply<ResponseOf<K>>>;
}

/**
 * Runs one of the e2e build's background hooks (globalThis.courierE2E) from an extension page.
 * Firefox's event page is a window, reached with runtime.getBackgroundPage (which wakes it).
 */
export function inBackground(page: Page, hook: string, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(
    async (hook, args) => {
      const api = (globalThis as unknown as { browser: typeof ExtensionApi }).browser;
      const background = (await api.runtime.getBackgroundPage()) as unknown as {
        courierE2E: Record<string, (...a: unknown[]) => Promise<unknown>>;
      };
      const result = await background.courierE2E[hook]!(...args);
      // The result lives in the background's compartment; a copy crosses back cleanly.
      return result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);
    },
    hook,
    args,
  );
}

export async function linkedAccounts(page: Page): Promise<AccountSummary[]> {
  const reply = await askFrom(page, 'accounts.list', {});
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value;
}

export async function addProfile(page: Page, fields: ProfileFields): Promise<void> {
  await click(page, 'button', 'Add profile');
  const form = await byRole(page, 'form', 'New connector profile');
  await fill(await byLabel(form, 'Profile name'), fields.name);
  if (fields.pkce) await (await byLabel(form, 'Public (PKCE, client ID only)')).click();
  await fill(await byLabel(form, 'Client ID'), fields.clientId);
  if (fields.clientSecret !== undefined) await fill(await byLabel(form, 'Client secret'), fields.clientSecret);
  await fill(await byLabel(form, 'Slack base URL'), fields.baseUrl);
  await click(form, 'button', 'Save profile');
}

/**
 * Clicks "Connect workspace" and answers the consent page. Firefox first loads the authorize URL
 * out of sight; a page that needs a click then opens in a popup window, which is a page here too.
 */
export async function connectWorkspace(
  firefox: Browser,
  page: Page,
  options: { profile: string; answer: 'Allow' | 'Cancel'; baseUrl: string; team?: string },
): Promise<void> {
  const before = await firefox.pages();
  const card = await byRole(page, 'article', options.profile);
  await click(card, 'button', 'Connect workspace');
  const consent = await findPage(firefox, (href) => href.startsWith(`${options.baseUrl}/oauth/v2/authorize`), {
    exclude: before,
  });
  if (options.team) await (await byLabel(consent, 'Workspace')).select(options.team);
  await click(consent, 'button', options.answer);
}

export async function waitForText(page: Page, selector: string, text: string, timeoutMs = WAIT_MS): Promise<void> {
  await poll(
    async () => ((await texts(page, selector)).some((found) => found.includes(text)) ? true : null),
    `"${text}" in ${selector}`,
    timeoutMs,
  );
}

/** A profile for the emulator's demo app, then Acme Corp linked through the consent page. */
export async function linkDemoWorkspace(firefox: Browser, page: Page, baseUrl: string): Promise<AccountSummary> {
  await addProfile(page, {
    name: 'Emulator',
    clientId: DEMO_APP.clientId,
    clientSecret: DEMO_APP.clientSecret,
    baseUrl,
  });
  await connectWorkspace(firefox, page, { profile: 'Emulator', answer: 'Allow', baseUrl });
  await waitForText(page, '[data-testid="connect-status"]', 'Linked Acme Corp.');
  const [account] = await linkedAccounts(page);
  if (!account) throw new Error('Acme Corp was not linked');
  return account;
}

/** Whether Firefox's event page is alive, asked without waking it (getBackgroundPage would). */
export function eventPageAlive(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    (globalThis as unknown as { browser: typeof ExtensionApi }).browser.extension
      .getViews()
      .some((view) => (view as unknown as Window).location.pathname === '/_generated_background_page.html'),
  );
}

/** Waits until Firefox has suspended the event page (tests set its idle timeout to 1 s). */
export async function waitForSuspension(page: Page, timeoutMs = 15_000): Promise<void> {
  await poll(async () => ((await eventPageAlive(page)) ? null : true), 'the event page to be suspended', timeoutMs);
}
