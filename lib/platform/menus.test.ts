// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CHOOSE_TITLE,
  REGION_TITLE,
  applyMenus,
  buildMenus,
  fileLinkPatterns,
  menuId,
  parseMenuId,
  type MenuItem,
  type RecentTarget,
  type SiteTarget,
} from './menus';

const recents: RecentTarget[] = [
  { key: 'T1:C1', label: '#general · Acme Corp' },
  { key: 'T1:D2', label: '@ann · Acme Corp' },
];

const byId = (items: MenuItem[]) => new Map(items.map((item) => [item.id, item]));
const childrenOf = (items: MenuItem[], parent: string) => items.filter((item) => item.parentId === parent);

describe('buildMenus', () => {
  it('has the six top-level items with their exact titles, in order', () => {
    const top = buildMenus({ recents, browser: 'chrome' }).filter((item) => !item.parentId);
    expect(top.map((item) => [item.id, item.title])).toEqual([
      ['courier:page', 'Send page to Slack'],
      ['courier:link', 'Send link to Slack'],
      ['courier:selection', 'Send selection to Slack'],
      ['courier:image', 'Share image to Slack'],
      ['courier:file', 'Share file to Slack'],
      ['courier:screenshot', 'Share screenshot to Slack'],
    ]);
  });

  it('offers screenshots on web pages: the recents and Choose… take the visible part, then "Select a region…"', () => {
    const items = buildMenus({ recents, browser: 'firefox' });
    const screenshot = byId(items).get('courier:screenshot');
    expect(screenshot).toMatchObject({ contexts: ['page'], documentUrlPatterns: ['http://*/*', 'https://*/*'] });
    expect(childrenOf(items, 'courier:screenshot').map((c) => c.title)).toEqual([
      '#general · Acme Corp',
      '@ann · Acme Corp',
      undefined,
      CHOOSE_TITLE,
      REGION_TITLE,
    ]);
    expect(parseMenuId('courier:screenshot:region')).toEqual({ kind: 'screenshot', action: 'region' });
    expect(parseMenuId('courier:page:region'), 'a region is a screenshot’s only').toBeNull();
  });

  it('shows each item only where it applies', () => {
    const items = byId(buildMenus({ recents: [], browser: 'chrome' }));
    expect(items.get('courier:page')?.contexts).toEqual(['page']);
    expect(items.get('courier:link')?.contexts).toEqual(['link']);
    expect(items.get('courier:selection')?.contexts).toEqual(['selection']);
    expect(items.get('courier:image')?.contexts).toEqual(['image']);
    expect(items.get('courier:file')?.contexts).toEqual(['link']);
    // Page and selection only on web pages; link and image only for web targets.
    expect(items.get('courier:page')?.documentUrlPatterns).toEqual(['http://*/*', 'https://*/*']);
    expect(items.get('courier:selection')?.documentUrlPatterns).toEqual(['http://*/*', 'https://*/*']);
    expect(items.get('courier:link')?.targetUrlPatterns).toEqual(['http://*/*', 'https://*/*']);
    expect(items.get('courier:image')?.targetUrlPatterns).toEqual(['http://*/*', 'https://*/*']);
  });

  it('offers "Share file" for links to common files, with or without a query, in either case', () => {
    const patterns = byId(buildMenus({ recents: [], browser: 'chrome' })).get('courier:file')?.targetUrlPatterns;
    expect(patterns).toEqual(fileLinkPatterns());
    for (const ext of ['pdf', 'docx', 'xlsx', 'pptx', 'zip', 'csv', 'txt', 'png', 'jpg', 'gif'])
      expect(patterns).toEqual(expect.arrayContaining([`*://*/*.${ext}`, `*://*/*.${ext}?*`]));
    expect(patterns).toContain('*://*/*.PDF');
    expect(patterns?.every((p) => p.startsWith('*://*/*.'))).toBe(true);
  });

  it('gives each item a submenu: recent targets, a separator, then Choose…', () => {
    const items = buildMenus({ recents, browser: 'chrome' });
    for (const kind of ['page', 'link', 'selection', 'image', 'file'] as const) {
      const children = childrenOf(items, `courier:${kind}`);
      expect(children.map((c) => [c.id, c.type ?? 'normal', c.title])).toEqual([
        [`courier:${kind}:recent:T1:C1`, 'normal', '#general · Acme Corp'],
        [`courier:${kind}:recent:T1:D2`, 'normal', '@ann · Acme Corp'],
        [`courier:${kind}:separator`, 'separator', undefined],
        [`courier:${kind}:choose`, 'normal', CHOOSE_TITLE],
      ]);
    }
  });

  it('has only Choose… (no separator) when there are no recents', () => {
    const items = buildMenus({ recents: [], browser: 'chrome' });
    expect(items).toHaveLength(13);
    expect(childrenOf(items, 'courier:link').map((c) => c.title)).toEqual(['Choose…']);
  });

  it('repeats the parent’s contexts and filters on every child, so the children show where the parent does', () => {
    const items = buildMenus({ recents, browser: 'firefox' });
    const index = byId(items);
    for (const item of items.filter((i) => i.parentId)) {
      const parent = index.get(item.parentId!)!;
      expect(item.contexts).toEqual(parent.contexts);
      expect(item.targetUrlPatterns).toEqual(parent.targetUrlPatterns);
      expect(item.documentUrlPatterns).toEqual(parent.documentUrlPatterns);
    }
  });

  it('lists parents before their children and uses unique ids', () => {
    const items = buildMenus({ recents, browser: 'chrome' });
    const seen = new Set<string>();
    for (const item of items) {
      if (item.parentId) expect(seen.has(item.parentId)).toBe(true);
      expect(seen.has(item.id)).toBe(false);
      seen.add(item.id);
    }
  });

  it('keeps the five most recent targets, once each, skipping blank ones', () => {
    const many: RecentTarget[] = [
      { key: 'a', label: 'A' },
      { key: 'a', label: 'A again' },
      { key: '', label: 'no key' },
      { key: 'b', label: '   ' },
      ...['c', 'd', 'e', 'f', 'g'].map((key) => ({ key, label: key.toUpperCase() })),
    ];
    const children = childrenOf(buildMenus({ recents: many, browser: 'chrome' }), 'courier:page');
    expect(children.map((c) => c.title)).toEqual(['A', 'C', 'D', 'E', 'F', undefined, 'Choose…']);
  });

  it('escapes & (an access key in menus), defuses %s on selection items and shortens long labels', () => {
    const items = byId(
      buildMenus({
        recents: [
          { key: 'x', label: 'R&D · 100%sure Co' },
          { key: 'y', label: `#${'long-channel-name-'.repeat(6)}` },
        ],
        browser: 'chrome',
      }),
    );
    expect(items.get('courier:page:recent:x')?.title).toBe('R&&D · 100%sure Co');
    expect(items.get('courier:selection:recent:x')?.title).toBe('R&&D · 100%\u2060sure Co');
    const long = items.get('courier:page:recent:y')?.title ?? '';
    expect(Array.from(long)).toHaveLength(60);
    expect(long.endsWith('…')).toBe(true);
  });

  it('lists site rules’ targets first, each only on the pages of its sites, with the separator', () => {
    const sites: SiteTarget[] = [
      { key: 'T1:C9', label: '#acme-dev · Acme Corp', documentUrlPatterns: ['*://github.com/acme/*'] },
      { key: 'T1:C1', label: '#general · Acme Corp', documentUrlPatterns: ['*://github.com/*'] },
    ];
    const items = buildMenus({ recents, sites, browser: 'chrome' });
    for (const kind of ['page', 'link', 'selection', 'image', 'file'] as const) {
      const children = childrenOf(items, `courier:${kind}`);
      expect(children.map((c) => c.id)).toEqual([
        `courier:${kind}:site:T1:C9`,
        `courier:${kind}:site:T1:C1`,
        `courier:${kind}:recent:T1:C1`,
        `courier:${kind}:recent:T1:D2`,
        `courier:${kind}:separator`,
        `courier:${kind}:choose`,
      ]);
      const [first] = children;
      const parent = byId(items).get(`courier:${kind}`)!;
      expect(first?.title).toBe('#acme-dev · Acme Corp');
      expect(first?.documentUrlPatterns).toEqual(['*://github.com/acme/*']);
      // Still only where its parent applies: the link's or image's own filter stays.
      expect(first?.contexts).toEqual(parent.contexts);
      expect(first?.targetUrlPatterns).toEqual(parent.targetUrlPatterns);
    }
    const alone = childrenOf(buildMenus({ recents: [], sites, browser: 'chrome' }), 'courier:page');
    expect(alone.map((c) => c.type ?? 'normal')).toEqual(['normal', 'normal', 'separator', 'normal']);
    const blank = buildMenus({
      recents: [],
      sites: [
        { key: 'k', label: ' ', documentUrlPatterns: ['*://a.com/*'] },
        { key: 'j', label: 'J', documentUrlPatterns: [] },
      ],
      browser: 'chrome',
    });
    // Neither rule is listed: each kind's parent and Choose…, and the screenshot's Select a region….
    expect(blank).toHaveLength(13);
  });

  it('adds the tab context to the page item on Firefox only', () => {
    const firefox = byId(buildMenus({ recents, browser: 'firefox' }));
    const chrome = byId(buildMenus({ recents, browser: 'chrome' }));
    expect(firefox.get('courier:page')?.contexts).toEqual(['page', 'tab']);
    expect(firefox.get('courier:page:choose')?.contexts).toEqual(['page', 'tab']);
    expect(chrome.get('courier:page')?.contexts).toEqual(['page']);
    expect(firefox.get('courier:link')?.contexts).toEqual(['link']);
  });
});

describe('menu ids', () => {
  it('round-trip through parseMenuId, including target keys that contain colons', () => {
    expect(parseMenuId(menuId('selection', 'choose'))).toEqual({ kind: 'selection', action: 'choose' });
    expect(parseMenuId(menuId('file', { recent: 'T1:C2:1700000000.1234' }))).toEqual({
      kind: 'file',
      action: 'recent',
      targetKey: 'T1:C2:1700000000.1234',
    });
    expect(parseMenuId(menuId('page', { site: 'T1:C2' }))).toEqual({
      kind: 'page',
      action: 'site',
      targetKey: 'T1:C2',
    });
    const sites = [{ key: 'T1:C3', label: '#x', documentUrlPatterns: ['*://x.com/*'] }];
    for (const item of buildMenus({ recents, sites, browser: 'chrome' })) {
      const parsed = parseMenuId(item.id);
      if (item.id.endsWith(':choose')) expect(parsed).toMatchObject({ action: 'choose' });
      else if (item.id.endsWith(':region')) expect(parsed).toMatchObject({ action: 'region' });
      else if (item.id.includes(':recent:')) expect(parsed).toMatchObject({ action: 'recent' });
      else if (item.id.includes(':site:')) expect(parsed).toMatchObject({ action: 'site', targetKey: 'T1:C3' });
      else expect(parsed).toBeNull();
    }
  });

  it.each([
    'courier:page',
    'courier:page:separator',
    'courier:video:choose',
    'courier:page:recent:',
    'courier:page:site:',
    'other:page:choose',
    7,
  ])('gives null for %j', (id) => {
    expect(parseMenuId(id)).toBeNull();
  });
});

describe('applyMenus', () => {
  type Props = { id?: string; parentId?: string | number; title?: string; contexts?: string[] };
  let lastError: { message: string } | undefined;
  const savedMenus = fakeBrowser.menus;
  const savedContextMenus = fakeBrowser.contextMenus;

  /** A menus API that behaves like the browser's: ids unique, parents must exist, errors via lastError. */
  function install(namespace: 'menus' | 'contextMenus', refuse: string[] = []) {
    const created: Props[] = [];
    const api = namespace === 'menus' ? fakeBrowser.menus : fakeBrowser.contextMenus;
    const create = vi.spyOn(api, 'create').mockImplementation((props: Props, callback?: () => void) => {
      const problem =
        (refuse.includes(props.id!) && `Invalid item ${props.id}`) ||
        (created.some((c) => c.id === props.id) && `Cannot create item with duplicate id ${props.id}`) ||
        (props.parentId !== undefined &&
          !created.some((c) => c.id === props.parentId) &&
          `Cannot find menu item with id ${String(props.parentId)}`);
      if (!problem) created.push(props);
      queueMicrotask(() => {
        lastError = problem ? { message: problem } : undefined;
        callback?.();
        lastError = undefined;
      });
      return props.id!;
    });
    const removeAll = vi.spyOn(api, 'removeAll').mockImplementation(async () => {
      await Promise.resolve();
      created.length = 0;
    });
    return { created, create, removeAll };
  }

  beforeEach(() => {
    lastError = undefined;
    Object.defineProperty(fakeBrowser.runtime, 'lastError', { configurable: true, get: () => lastError });
  });
  afterEach(() => {
    Object.defineProperty(fakeBrowser.runtime, 'lastError', {
      configurable: true,
      writable: true,
      value: { message: '' },
    });
    Object.assign(fakeBrowser, { menus: savedMenus });
  });

  it('on Chrome removes everything, then creates every item through contextMenus', async () => {
    Object.assign(fakeBrowser, { menus: undefined });
    const chrome = install('contextMenus');
    chrome.created.push({ id: 'stale' });
    const items = buildMenus({ recents, browser: 'chrome' });

    await expect(applyMenus(items)).resolves.toEqual({ api: 'contextMenus', failed: [] });
    expect(chrome.removeAll).toHaveBeenCalledTimes(1);
    expect(chrome.created.map((c) => c.id)).toEqual(items.map((i) => i.id));
    expect(chrome.created[0]).toEqual({
      id: 'courier:page',
      title: 'Send page to Slack',
      contexts: ['page'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    });
    expect(chrome.created.find((c) => c.id === 'courier:page:choose')).toMatchObject({
      parentId: 'courier:page',
      title: 'Choose…',
    });
  });

  it('on Firefox uses browser.menus when it is there, and not contextMenus', async () => {
    const firefox = install('menus');
    const chrome = install('contextMenus');
    const items = buildMenus({ recents, browser: 'firefox' });

    await expect(applyMenus(items)).resolves.toEqual({ api: 'menus', failed: [] });
    expect(firefox.created).toHaveLength(items.length);
    expect(chrome.create).not.toHaveBeenCalled();
    expect(chrome.removeAll).not.toHaveBeenCalled();
  });

  it('falls back to contextMenus on Firefox without the "menus" permission', async () => {
    Object.assign(fakeBrowser, { menus: undefined });
    const chrome = install('contextMenus');
    const result = await applyMenus(buildMenus({ recents: [], browser: 'firefox' }));
    expect(result.api).toBe('contextMenus');
    expect(chrome.created.find((c) => c.id === 'courier:page')?.contexts).toEqual(['page', 'tab']);
  });

  it('does nothing where the browser has no menus at all', async () => {
    Object.assign(fakeBrowser, { menus: undefined, contextMenus: undefined });
    try {
      await expect(applyMenus(buildMenus({ recents, browser: 'chrome' }))).resolves.toEqual({ api: null, failed: [] });
    } finally {
      Object.assign(fakeBrowser, { contextMenus: savedContextMenus });
    }
  });

  it('reports items the browser refuses (through lastError or by throwing) and still creates the rest', async () => {
    Object.assign(fakeBrowser, { menus: undefined });
    const chrome = install('contextMenus', ['courier:image']);
    chrome.create.mockImplementationOnce(() => {
      throw new Error('Value must be one of page, link');
    });
    const items = buildMenus({ recents: [], browser: 'chrome' });
    const result = await applyMenus(items);
    expect(result.failed).toEqual([
      { id: 'courier:page', message: 'Value must be one of page, link' },
      { id: 'courier:page:choose', message: 'Cannot find menu item with id courier:page' },
      { id: 'courier:image', message: 'Invalid item courier:image' },
      { id: 'courier:image:choose', message: 'Cannot find menu item with id courier:image' },
    ]);
    expect(chrome.created.map((c) => c.id)).toEqual([
      'courier:link',
      'courier:link:choose',
      'courier:selection',
      'courier:selection:choose',
      'courier:file',
      'courier:file:choose',
      'courier:screenshot',
      'courier:screenshot:choose',
      'courier:screenshot:region',
    ]);
  });

  it('runs overlapping applies one after the other, so no id is created twice', async () => {
    Object.assign(fakeBrowser, { menus: undefined });
    const chrome = install('contextMenus');
    const first = applyMenus(buildMenus({ recents, browser: 'chrome' }));
    const second = applyMenus(buildMenus({ recents: recents.slice(0, 1), browser: 'chrome' }));
    const results = await Promise.all([first, second]);
    expect(results.flatMap((r) => r.failed)).toEqual([]);
    expect(chrome.removeAll).toHaveBeenCalledTimes(2);
    expect(chrome.created.map((c) => c.id)).toEqual(
      buildMenus({ recents: recents.slice(0, 1), browser: 'chrome' }).map((i) => i.id),
    );
  });

  it('makes no browser call when the module is imported', async () => {
    vi.resetModules();
    const create = vi.spyOn(fakeBrowser.contextMenus, 'create');
    const removeAll = vi.spyOn(fakeBrowser.contextMenus, 'removeAll');
    await import('./menus');
    expect(create).not.toHaveBeenCalled();
    expect(removeAll).not.toHaveBeenCalled();
  });
});
