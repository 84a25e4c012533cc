import { webUrl, type PageShare } from '@/lib/share/share';

/** The one call of the tabs API this needs; the browser's own object or the polyfill both have it. */
export interface TabsQuery {
  query(info: { active: true; currentWindow: true }): Promise<{ url?: string; title?: string; id?: number }[]>;
}

/** The current page as a share, and the tab it is in. */
export interface CurrentPage {
  share: PageShare;
  tabId: number | undefined;
}

/** The current tab as a page share, with its id; null when it is not a web page Courier may see. */
export async function currentPageFrom(tabs: TabsQuery): Promise<CurrentPage | null> {
  const [tab] = await tabs.query({ active: true, currentWindow: true });
  const url = webUrl(tab?.url);
  if (!tab || !url) return null;
  return { share: { kind: 'page', title: tab.title?.trim() ?? '', url }, tabId: tab.id };
}
