import type { Page, Worker } from '@playwright/test';
import { conversationNamed } from '../support/extension-calls';
import { startFileSites, type FileSites } from '../support/file-sites';
import { pickChannel } from '../support/popup-page';
import { expect, test } from './fixtures';

const ACME = 'T0ACME001';

interface Hooks {
  sendPageToLast(tab: { url: string; title: string }): Promise<void>;
  menuClick(info: Record<string, unknown>, tab: { url: string; title: string }): Promise<void>;
  refreshDirectories(): Promise<number>;
}

function hook<K extends keyof Hooks>(worker: Worker, name: K, ...args: Parameters<Hooks[K]>) {
  return worker.evaluate(
    ([name, args]) => {
      const hooks = (globalThis as unknown as { courierE2E: Record<string, (...a: unknown[]) => Promise<unknown>> })
        .courierE2E;
      return hooks[name]!(...args);
    },
    [name, args] as const,
  );
}

/** The notifications the worker shows from now on, as it passes them to the browser. */
async function recordNotifications(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const scope = globalThis as unknown as {
      notes: { title: string; message: string }[];
      chrome: { notifications: { create: (...args: unknown[]) => unknown } };
    };
    scope.notes = [];
    const create = scope.chrome.notifications.create.bind(scope.chrome.notifications);
    scope.chrome.notifications.create = (...args: unknown[]) => {
      scope.notes.push(args[1] as { title: string; message: string });
      return create(...args);
    };
  });
}

const notes = (worker: Worker) =>
  worker.evaluate(() => (globalThis as unknown as { notes: { title: string; message: string }[] }).notes);

function openPopupOn(openPage: (path: string) => Promise<{ page: Page }>, url: string) {
  const share = { kind: 'page', title: 'An article', url };
  return openPage(`popup.html?share=${encodeURIComponent(JSON.stringify(share))}`);
}

let sites: FileSites;
test.beforeEach(async () => {
  sites = await startFileSites();
});
test.afterEach(() => sites.close());

test('a site rule: made in the popup, narrowed in options, preselected, used by the shortcut and the menu, and following the directory', async ({
  context,
  emulator,
  linked: { page: options, account },
  openPage,
  serviceWorker,
}) => {
  // Pages on a host the build holds no permission for (127.0.0.3), one under /acme/ and one not.
  const origin = new URL(sites.page).origin;
  const host = new URL(sites.page).host;
  const article = `${origin}/acme/article.html`;
  const other = `${origin}/acme/other.html`;
  const elsewhere = `${origin}/blog/post.html`;
  const tab = await context.newPage();
  await tab.goto(article);
  await expect(tab.getByRole('heading', { name: 'An article' })).toBeVisible();

  const general = conversationNamed(emulator, 'general');
  const engineering = conversationNamed(emulator, 'engineering');
  const posted = (channel: string) => emulator.state.listMessages({ team: ACME, channel });
  // The last target is #engineering: without a rule, the shortcut sends there.
  await options.evaluate(
    (recents) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: unknown): Promise<void> } } } }
      ).chrome.storage.local.set({ 'recent-targets': recents }),
    [{ key: `${account.id}:${engineering.id}`, label: '#engineering' }],
  );

  // The popup on the article: choose #general and tick the box, with the keyboard.
  const { page: popup } = await openPopupOn(openPage, article);
  await pickChannel(popup, 'general');
  const always = popup.getByRole('checkbox', { name: `Always suggest this channel on ${host}` });
  await always.focus();
  await popup.keyboard.press('Space');
  await expect(always).toBeChecked();
  await popup.close();

  // Options → Site channels: narrowed to the /acme pages.
  await options.reload();
  const section = options.getByRole('region', { name: 'Site channels' });
  const site = section.getByRole('textbox', { name: 'Site for #general' });
  await expect(site).toHaveValue(host);
  await site.fill(`${host}/acme/`);
  await site.press('Enter');
  await expect(section.getByRole('status')).toHaveText(`Courier suggests #general on ${host}/acme.`);

  // Under /acme/ the picker starts on #general; elsewhere on the host it starts empty.
  const { page: again } = await openPopupOn(openPage, other);
  await expect(again.getByRole('list', { name: 'Channels and people: chosen' })).toHaveText(/#general/);
  await expect(again.getByRole('checkbox', { name: `Always suggest this channel on ${host}/acme` })).toBeChecked();
  await again.close();
  const { page: blog } = await openPopupOn(openPage, elsewhere);
  await expect(blog.getByRole('checkbox', { name: /^Always suggest/ })).toHaveCount(0);
  await expect(blog.getByRole('combobox', { name: 'Channels and people' })).toBeVisible();
  await expect(blog.getByRole('list', { name: 'Channels and people: chosen' })).toHaveCount(0);
  await blog.close();

  // The shortcut sends the blog post to the last target, the /acme page to #general instead.
  await hook(serviceWorker, 'sendPageToLast', { url: elsewhere, title: 'A post' });
  expect(posted(engineering.id).at(-1)?.text).toContain(`<${elsewhere}|A post>`);
  expect(posted(general.id)).toHaveLength(0);
  await hook(serviceWorker, 'sendPageToLast', { url: other, title: 'Another article' });
  expect(posted(general.id).at(-1)?.text).toContain(`<${other}|Another article>`);
  expect(posted(engineering.id)).toHaveLength(1);
  // The menus' first item on such a page is the rule's channel.
  const key = `${account.id}:${general.id}`;
  await hook(
    serviceWorker,
    'menuClick',
    { menuItemId: `courier:page:site:${key}`, pageUrl: article },
    {
      url: article,
      title: 'An article',
    },
  );
  expect(posted(general.id).at(-1)?.text).toContain(`<${article}|An article>`);
  const sentToGeneral = posted(general.id).length;

  // #general is archived: the directory drops it, and the rule says so instead of sending.
  general.isArchived = true;
  await hook(serviceWorker, 'refreshDirectories');
  await recordNotifications(serviceWorker);
  await hook(serviceWorker, 'sendPageToLast', { url: other, title: 'Another article' });
  expect(posted(general.id)).toHaveLength(sentToGeneral);
  expect(posted(engineering.id)).toHaveLength(1);
  expect(await notes(serviceWorker)).toEqual([
    expect.objectContaining({
      title: 'Not sent to #general',
      message: `#general is no longer in your channels: it was archived, or left. Choose another channel for ${host}/acme in the popup, or change the rule in Courier's options (Site channels).`,
    }),
  ]);
  const { page: stale } = await openPopupOn(openPage, other);
  await expect(stale.getByTestId('site-rule-trouble')).toHaveText(
    `#general is no longer in your channels: it was archived, or left. Courier no longer suggests it on ${host}/acme: choose another channel, or change the rule in the options.`,
  );
  await expect(stale.getByRole('list', { name: 'Channels and people: chosen' })).toHaveCount(0);
  await options.reload();
  await expect(options.getByRole('region', { name: 'Site channels' }).locator('.site-rule__trouble')).toContainText(
    '#general is no longer in your channels',
  );
});
