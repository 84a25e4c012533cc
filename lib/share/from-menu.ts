/**
 * A context-menu click to a share. Pure: the background passes in what onClicked gave it.
 */
import { parseMenuId, type MenuChoice, type MenuKind } from '../platform/menus';
import { webUrl, type Share, type ShareKind } from './share';

/**
 * The fields of contextMenus.OnClickData (Chrome) / menus.OnClickData (Firefox) used here.
 * `linkText` is Firefox-only; Chrome gives no link text. Chrome's `selectionText` loses the line
 * breaks of the selection, and both browsers may shorten very long selections.
 */
export interface MenuClick {
  menuItemId: string | number;
  pageUrl?: string;
  frameUrl?: string;
  linkUrl?: string;
  linkText?: string;
  srcUrl?: string;
  selectionText?: string;
  mediaType?: string;
}

export interface ClickedTab {
  url?: string;
  title?: string;
  /** The tab and its window: what a screenshot captures. */
  id?: number;
  windowId?: number;
}

export type FromMenu =
  { share: Share; choice: MenuChoice; reason?: never } | { share: null; choice?: MenuChoice; reason: string };

// The menu's kinds and the share's kinds are the same list; this fails to compile if they drift.
const sameKinds: [MenuKind, ShareKind] extends [ShareKind, MenuKind] ? true : never = true;
void sameKinds;

const tidy = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;

function notWeb(what: string, raw: string | undefined): string {
  const scheme = raw ? /^([a-z][a-z0-9+.-]*):/i.exec(raw.trim())?.[1]?.toLowerCase() : undefined;
  if (!scheme) return `Courier couldn't read the address of this ${what}.`;
  if (scheme === 'data' || scheme === 'blob')
    return `This ${what} is embedded in the page and has no web address to fetch it from. Save it, then share the file.`;
  return `Courier only shares from web addresses (http or https); this ${what} is a ${scheme}: address.`;
}

/**
 * Turns a click on one of Courier's menu items into a share, with the choice the item stood for (a
 * recent target or "Choose…"). A click whose source is not a web address (chrome://, about:,
 * file://, data:, mailto:) gives no share and a sentence saying why, for a notification.
 */
export function shareFromMenuClick(info: MenuClick, tab?: ClickedTab): FromMenu {
  const choice = parseMenuId(info.menuItemId);
  if (!choice) return { share: null, reason: "This is not one of Courier's menu items." };
  // On Firefox's tab context there is no pageUrl: the clicked tab is the page.
  const rawPage = info.pageUrl ?? tab?.url;
  const pageUrl = webUrl(rawPage);
  // The tab's title names the page only if the tab still shows that page.
  const pageTitle = tidy(tab?.title) && (!tab?.url || webUrl(tab.url) === pageUrl) ? tidy(tab?.title) : undefined;
  const page = pageUrl ? { pageUrl, ...(pageTitle ? { pageTitle } : {}) } : {};

  switch (choice.kind) {
    case 'page':
      if (!pageUrl) return { share: null, choice, reason: notWeb('page', rawPage) };
      return { share: { kind: 'page', url: pageUrl, title: pageTitle ?? new URL(pageUrl).host }, choice };
    case 'selection': {
      const text = info.selectionText?.trim();
      if (!text) return { share: null, choice, reason: 'Nothing is selected.' };
      if (!pageUrl) return { share: null, choice, reason: notWeb('page', rawPage) };
      return {
        share: { kind: 'selection', text, pageUrl, pageTitle: pageTitle ?? new URL(pageUrl).host },
        choice,
      };
    }
    case 'link': {
      const url = webUrl(info.linkUrl);
      if (!url) return { share: null, choice, reason: notWeb('link', info.linkUrl) };
      const text = tidy(info.linkText);
      return { share: { kind: 'link', url, ...(text ? { text } : {}), ...page }, choice };
    }
    case 'file': {
      const url = webUrl(info.linkUrl);
      if (!url) return { share: null, choice, reason: notWeb('file', info.linkUrl) };
      const linkText = tidy(info.linkText);
      return { share: { kind: 'file', url, ...(linkText ? { linkText } : {}), ...page }, choice };
    }
    case 'screenshot':
      if (!pageUrl) return { share: null, choice, reason: notWeb('page', rawPage) };
      return { share: { kind: 'screenshot', pageUrl, ...(pageTitle ? { pageTitle } : {}) }, choice };
    case 'image': {
      if (info.mediaType && info.mediaType !== 'image')
        return { share: null, choice, reason: `This is ${info.mediaType}, not an image.` };
      const srcUrl = webUrl(info.srcUrl);
      if (!srcUrl) return { share: null, choice, reason: notWeb('image', info.srcUrl) };
      return { share: { kind: 'image', srcUrl, ...page }, choice };
    }
  }
}
