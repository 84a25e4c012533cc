import { browser } from 'wxt/browser';

/**
 * The right-click menus: a pure builder (`buildMenus`), the id scheme (`menuId`, `parseMenuId`) and
 * one adapter that installs them (`applyMenus`).
 *
 * Layout: six top-level items, each with a submenu of up to five recent targets, a separator and
 * "Choose…" ("Share screenshot to Slack" adds "Select a region…"). Targets of site rules come first,
 * each only on the pages of its sites (its `documentUrlPatterns`), so on such a page the site's
 * channel heads the list. Only the items that match what was clicked are shown. When one matches,
 * it sits directly in the browser's menu; when several match (a page matches "page" and
 * "screenshot"; a link to a PDF matches "link" and "file"; an image inside a link matches "image"
 * and "link"), Chrome and Firefox fold them under
 * one item named after the extension, and our submenus nest below it. That folding is automatic and
 * there is no cap for page menus: `ACTION_MENU_TOP_LEVEL_LIMIT` (6) only limits items in the
 * toolbar button's own menu (the `action` / `browser_action` context), which Courier does not use.
 */

export const MENU_KINDS = ['page', 'link', 'selection', 'image', 'file', 'screenshot'] as const;
export type MenuKind = (typeof MENU_KINDS)[number];

export type MenuContext = 'page' | 'link' | 'selection' | 'image' | 'tab';

export interface MenuItem {
  id: string;
  parentId?: string;
  /** Absent only for separators. */
  title?: string;
  type?: 'normal' | 'separator';
  contexts: [MenuContext, ...MenuContext[]];
  /** Filters on the link's href or the image's src. */
  targetUrlPatterns?: string[];
  /** Filters on the page the menu was opened in. */
  documentUrlPatterns?: string[];
}

export interface RecentTarget {
  /** The target's stable key (account, channel, thread); any characters, ':' included. */
  key: string;
  /** What the person reads, e.g. "#general · Acme Corp". */
  label: string;
}

/** A site rule's target: listed first on the pages the patterns match (lib/share/site-rules.ts). */
export interface SiteTarget extends RecentTarget {
  documentUrlPatterns: string[];
}

export type MenuChoice =
  | { kind: MenuKind; action: 'choose' }
  | { kind: MenuKind; action: 'recent' | 'site'; targetKey: string }
  /** Screenshots only: drag over the page first, then choose where it goes. */
  | { kind: MenuKind; action: 'region' };

export const MAX_RECENTS = 5;
/** Site rules' targets listed at most: a page shows those whose sites match it. */
export const MAX_SITE_TARGETS = 10;

export const MENU_TITLES: Record<MenuKind, string> = {
  page: 'Send page to Slack',
  link: 'Send link to Slack',
  selection: 'Send selection to Slack',
  image: 'Share image to Slack',
  file: 'Share file to Slack',
  screenshot: 'Share screenshot to Slack',
};
export const CHOOSE_TITLE = 'Choose…';
/** The screenshot item's last child: the recents and Choose… take the visible part of the page. */
export const REGION_TITLE = 'Select a region…';

/** Link targets the "file" item offers itself for. The link item still shows on these too. */
export const FILE_EXTENSIONS = [
  'pdf',
  'doc',
  'docx',
  'xls',
  'xlsx',
  'ppt',
  'pptx',
  'odt',
  'ods',
  'odp',
  'rtf',
  'txt',
  'csv',
  'md',
  'json',
  'zip',
  'gz',
  '7z',
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'svg',
  'mp3',
  'mp4',
  'mov',
] as const;

/**
 * Match patterns for links to those files. The scheme `*` means http and https only, so a file
 * share never starts from file:, ftp: or data: links. The path of a match pattern is matched
 * against path and query, so each extension needs a second pattern for `report.pdf?download=1`.
 * Paths are case-sensitive: lower case and upper case are listed (`Report.Pdf` is not matched).
 */
export function fileLinkPatterns(): string[] {
  return FILE_EXTENSIONS.flatMap((ext) => [ext, ext.toUpperCase()].flatMap((e) => [`*://*/*.${e}`, `*://*/*.${e}?*`]));
}

const WEB = ['http://*/*', 'https://*/*'];
const PREFIX = 'courier';
const LABEL_MAX = 60;

export function menuId(
  kind: MenuKind,
  part?: 'choose' | 'region' | 'separator' | { recent: string } | { site: string },
): string {
  if (!part) return `${PREFIX}:${kind}`;
  if (part === 'choose' || part === 'region') return `${PREFIX}:${kind}:${part}`;
  if (part === 'separator') return `${PREFIX}:${kind}:separator`;
  if ('site' in part) return `${PREFIX}:${kind}:site:${part.site}`;
  return `${PREFIX}:${kind}:recent:${part.recent}`;
}

/**
 * What a clicked item means, or null for anything that is not one of our clickable items (parents,
 * separators, other ids). Recent keys may contain ':'; everything after `recent:` is the key.
 */
export function parseMenuId(id: string | number): MenuChoice | null {
  if (typeof id !== 'string') return null;
  const match = /^courier:([a-z]+):(choose|region|(recent|site):(.+))$/s.exec(id);
  if (!match) return null;
  const kind = MENU_KINDS.find((k) => k === match[1]);
  if (!kind) return null;
  if (match[2] === 'choose') return { kind, action: 'choose' };
  if (match[2] === 'region') return kind === 'screenshot' ? { kind, action: 'region' } : null;
  const action = match[3] === 'site' ? 'site' : 'recent';
  return match[4] ? { kind, action, targetKey: match[4] } : null;
}

/**
 * A label as a menu title. Both browsers read `&` as an access-key marker (Chrome's menu model and
 * Firefox's menus alike), so "R&D" would show as "RD" with an underlined D: `&&` is a literal `&`.
 * In items that show on a selection both replace `%s` with the selected text and offer no escape,
 * so a word joiner (invisible) is put between `%` and `s`.
 */
function menuTitle(label: string, onSelection: boolean): string {
  const chars = Array.from(label.replace(/\s+/g, ' ').trim());
  let text = chars.length > LABEL_MAX ? `${chars.slice(0, LABEL_MAX - 1).join('')}…` : chars.join('');
  text = text.replace(/&/g, '&&');
  return onSelection ? text.replace(/%s/g, '%\u2060s') : text;
}

interface KindSpec {
  contexts: [MenuContext, ...MenuContext[]];
  targetUrlPatterns?: string[];
  documentUrlPatterns?: string[];
}

function specFor(kind: MenuKind, browserName: 'chrome' | 'firefox'): KindSpec {
  switch (kind) {
    case 'page':
      // Firefox also offers page items when a tab itself is right-clicked; the click then has no
      // pageUrl and the tab is the clicked one, which shareFromMenuClick handles. Chrome only knows
      // the tab context from version 149, where an unknown context would fail the whole item.
      return {
        contexts: browserName === 'firefox' ? ['page', 'tab'] : ['page'],
        documentUrlPatterns: WEB,
      };
    case 'selection':
      // The page is the quote's source: only web pages.
      return { contexts: ['selection'], documentUrlPatterns: WEB };
    case 'link':
      // mailto:, javascript: and the like get no item at all.
      return { contexts: ['link'], targetUrlPatterns: WEB };
    case 'image':
      // data: and blob: images have no address the worker can fetch.
      return { contexts: ['image'], targetUrlPatterns: WEB };
    case 'file':
      return { contexts: ['link'], targetUrlPatterns: fileLinkPatterns() };
    case 'screenshot':
      // The visible part of the tab the menu was opened in; its link goes with the file.
      return { contexts: ['page'], documentUrlPatterns: WEB };
  }
}

/**
 * Every menu item, parents before children. Recents are deduplicated by key and capped at five,
 * most recent first. Children repeat the parent's contexts and filters: a child that does not match
 * the click is hidden, and in Chrome children default to the page context only.
 */
export function buildMenus({
  recents,
  sites = [],
  browser: browserName,
}: {
  recents: RecentTarget[];
  /** Site rules' targets, most specific rule first. */
  sites?: SiteTarget[];
  browser: 'chrome' | 'firefox';
}): MenuItem[] {
  const firsts = sites
    .filter((site) => site.key && site.label.trim() && site.documentUrlPatterns.length)
    .slice(0, MAX_SITE_TARGETS);
  const targets: RecentTarget[] = [];
  for (const recent of recents) {
    if (targets.length === MAX_RECENTS) break;
    if (!recent.key || !recent.label.trim() || targets.some((t) => t.key === recent.key)) continue;
    targets.push(recent);
  }
  return MENU_KINDS.flatMap((kind) => {
    const spec = specFor(kind, browserName);
    const parent = menuId(kind);
    const onSelection = spec.contexts.includes('selection');
    const child = (item: Omit<MenuItem, keyof KindSpec | 'parentId'>): MenuItem => ({
      ...item,
      parentId: parent,
      ...spec,
    });
    return [
      { id: parent, title: MENU_TITLES[kind], ...spec },
      ...firsts.map((t) => ({
        ...child({ id: menuId(kind, { site: t.key }), title: menuTitle(t.label, onSelection) }),
        documentUrlPatterns: t.documentUrlPatterns,
      })),
      ...targets.map((t) => child({ id: menuId(kind, { recent: t.key }), title: menuTitle(t.label, onSelection) })),
      ...(targets.length || firsts.length ? [child({ id: menuId(kind, 'separator'), type: 'separator' })] : []),
      child({ id: menuId(kind, 'choose'), title: CHOOSE_TITLE }),
      ...(kind === 'screenshot' ? [child({ id: menuId(kind, 'region'), title: REGION_TITLE })] : []),
    ];
  });
}

// ---------------------------------------------------------------------------------------------
// The adapter

type CreateProperties = Parameters<typeof browser.contextMenus.create>[0];

/** The part of `contextMenus` / `menus` that Courier uses. */
interface MenusApi {
  create(properties: CreateProperties, callback?: () => void): number | string;
  removeAll(): Promise<void>;
}

export interface AppliedMenus {
  /** Which namespace was used; null when the browser has neither (Firefox for Android). */
  api: 'menus' | 'contextMenus' | null;
  /** Items the browser refused, with its message; their children fail with them. */
  failed: Array<{ id: string; message: string }>;
}

/**
 * Firefox exposes `browser.menus` with the "menus" permission and only `browser.contextMenus` with
 * "contextMenus" (never both); Chrome has only `contextMenus`. So: menus when present, else
 * contextMenus.
 */
function menusApi(): { api: MenusApi; name: 'menus' | 'contextMenus' } | null {
  const menus = (browser as unknown as { menus?: MenusApi }).menus;
  if (menus) return { api: menus, name: 'menus' };
  const contextMenus = (browser as unknown as { contextMenus?: MenusApi }).contextMenus;
  if (contextMenus) return { api: contextMenus, name: 'contextMenus' };
  return null;
}

/**
 * create() returns the id, not a promise (in both browsers and through the polyfill): a bad
 * property throws at once, anything found later (a duplicate id, an unknown parent) arrives as
 * runtime.lastError inside the callback. Reading lastError there also keeps Chrome from logging
 * "Unchecked runtime.lastError".
 */
function createItem(api: MenusApi, item: MenuItem): Promise<void> {
  const properties: CreateProperties = { id: item.id, contexts: item.contexts };
  if (item.parentId !== undefined) properties.parentId = item.parentId;
  if (item.title !== undefined) properties.title = item.title;
  if (item.type !== undefined) properties.type = item.type;
  if (item.targetUrlPatterns) properties.targetUrlPatterns = item.targetUrlPatterns;
  if (item.documentUrlPatterns) properties.documentUrlPatterns = item.documentUrlPatterns;
  return new Promise((resolve, reject) => {
    try {
      api.create(properties, () => {
        const error = browser.runtime.lastError;
        if (error) reject(new Error(error.message ?? 'The browser refused this menu item.'));
        else resolve();
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Applies run one after another: two overlapping removeAll/create rounds would duplicate ids. */
let applying: Promise<unknown> = Promise.resolve();

/**
 * Replaces all of Courier's menu items with `items`. Menus persist across worker restarts in
 * Chrome, so this removes everything first rather than updating. One refused item does not stop
 * the others; the refusals are returned.
 */
export function applyMenus(items: MenuItem[]): Promise<AppliedMenus> {
  const run = applying.then(async (): Promise<AppliedMenus> => {
    const found = menusApi();
    if (!found) return { api: null, failed: [] };
    await found.api.removeAll();
    const failed: AppliedMenus['failed'] = [];
    for (const item of items) {
      try {
        await createItem(found.api, item);
      } catch (error) {
        failed.push({ id: item.id, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return { api: found.name, failed };
  });
  applying = run.catch(() => undefined);
  return run;
}
