import { browser } from 'wxt/browser';
import { parseShare } from '@/lib/share/parse-share';
import type { PageShare, Share } from '@/lib/share/share';
import { currentPageFrom, type CurrentPage } from './current-page';
import { readSelection, type Selected } from './read-selection';

/** The share in a page's `?share=<json>` (the compose window, and tests), or null when there is none. */
export function shareFromQuery(search: string): Share | null {
  const raw = new URLSearchParams(search).get('share');
  if (!raw) return null;
  try {
    return parseShare(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** The selected text of a tab, or '' when it has none or Courier may not read it. */
async function selectionIn(tabId: number): Promise<Selected> {
  try {
    const [frame] = await browser.scripting.executeScript({ target: { tabId }, func: readSelection });
    const found = frame?.result as Partial<Selected> | undefined;
    const text = typeof found?.text === 'string' ? found.text.trim() : '';
    return typeof found?.prefix === 'string' && found.prefix ? { text, prefix: found.prefix } : { text };
  } catch {
    // chrome:// and store pages, PDFs, or no activeTab grant: send the page without a quote.
    return { text: '' };
  }
}

/** The current tab as a page share, with its id; null when it is not a web page Courier may see. */
export function currentPage(): Promise<CurrentPage | null> {
  return currentPageFrom(browser.tabs);
}

/** The page's selection, quoted with its source, when the tab has one; otherwise the page. */
export async function withSelection(page: PageShare, tabId: number | undefined): Promise<Share> {
  const { text, prefix } = tabId === undefined ? { text: '' } : await selectionIn(tabId);
  if (!text) return page;
  return { kind: 'selection', text, pageTitle: page.title, pageUrl: page.url, ...(prefix ? { prefix } : {}) };
}
