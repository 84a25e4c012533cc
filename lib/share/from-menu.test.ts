// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { shareFromMenuClick, type MenuClick } from './from-menu';

const tab = { url: 'https://example.com/article', title: '  The   article ' };
const click = (menuItemId: string | number, rest: Omit<MenuClick, 'menuItemId'> = {}): MenuClick => ({
  menuItemId,
  pageUrl: 'https://example.com/article',
  ...rest,
});

describe('shareFromMenuClick', () => {
  it('page: the tab’s URL and tidied title, with the recent target that was clicked', () => {
    expect(shareFromMenuClick(click('courier:page:recent:T1:C1'), tab)).toEqual({
      share: { kind: 'page', url: 'https://example.com/article', title: 'The article' },
      choice: { kind: 'page', action: 'recent', targetKey: 'T1:C1' },
    });
  });

  it('page from Firefox’s tab context: no pageUrl, the clicked tab is the page', () => {
    const result = shareFromMenuClick(
      { menuItemId: 'courier:page:choose' },
      { url: 'https://other.example/', title: 'Other' },
    );
    expect(result.share).toEqual({ kind: 'page', url: 'https://other.example/', title: 'Other' });
    expect(result.choice).toEqual({ kind: 'page', action: 'choose' });
  });

  it('screenshot: the page it shows, by its tab; the region item is a choice of its own', () => {
    expect(shareFromMenuClick(click('courier:screenshot:recent:T1:C1'), tab)).toEqual({
      share: { kind: 'screenshot', pageUrl: 'https://example.com/article', pageTitle: 'The article' },
      choice: { kind: 'screenshot', action: 'recent', targetKey: 'T1:C1' },
    });
    expect(shareFromMenuClick(click('courier:screenshot:region'), tab).choice).toEqual({
      kind: 'screenshot',
      action: 'region',
    });
    const local = shareFromMenuClick(click('courier:screenshot:choose', { pageUrl: 'about:preferences' }));
    expect(local.share).toBeNull();
  });

  it('page without a title uses the host', () => {
    expect(shareFromMenuClick(click('courier:page:choose'), { url: tab.url }).share).toMatchObject({
      title: 'example.com',
    });
  });

  it('link: the href, Firefox’s link text when there is one, and the page as its source', () => {
    expect(
      shareFromMenuClick(click('courier:link:choose', { linkUrl: 'https://a.example/x', linkText: ' The\nspec ' }), tab)
        .share,
    ).toEqual({
      kind: 'link',
      url: 'https://a.example/x',
      text: 'The spec',
      pageUrl: 'https://example.com/article',
      pageTitle: 'The article',
    });
    // Chrome reports no link text.
    expect(
      shareFromMenuClick(click('courier:link:choose', { linkUrl: 'https://a.example/x' }), tab).share,
    ).not.toHaveProperty('text');
  });

  it('link on a local page: shared without the file:// source', () => {
    const share = shareFromMenuClick(
      click('courier:link:choose', { linkUrl: 'https://a.example/x', pageUrl: 'file:///home/ann/bookmarks.html' }),
      { url: 'file:///home/ann/bookmarks.html', title: 'Bookmarks' },
    ).share;
    expect(share).toEqual({ kind: 'link', url: 'https://a.example/x' });
  });

  it('selection: the text with the page title and URL as its source', () => {
    expect(
      shareFromMenuClick(click('courier:selection:choose', { selectionText: '  quoted words ' }), tab).share,
    ).toEqual({
      kind: 'selection',
      text: 'quoted words',
      pageUrl: 'https://example.com/article',
      pageTitle: 'The article',
    });
  });

  it('selection: refuses an empty selection', () => {
    expect(shareFromMenuClick(click('courier:selection:choose', { selectionText: '   ' }), tab)).toMatchObject({
      share: null,
      reason: 'Nothing is selected.',
    });
  });

  it('image: the src, with the page', () => {
    expect(
      shareFromMenuClick(
        click('courier:image:recent:k', { srcUrl: 'https://cdn.example/c.png', mediaType: 'image' }),
        tab,
      ),
    ).toEqual({
      share: {
        kind: 'image',
        srcUrl: 'https://cdn.example/c.png',
        pageUrl: 'https://example.com/article',
        pageTitle: 'The article',
      },
      choice: { kind: 'image', action: 'recent', targetKey: 'k' },
    });
  });

  it('file: the link target, with its text', () => {
    expect(
      shareFromMenuClick(click('courier:file:choose', { linkUrl: 'https://e.com/r.pdf', linkText: 'Report' }), tab)
        .share,
    ).toEqual({
      kind: 'file',
      url: 'https://e.com/r.pdf',
      linkText: 'Report',
      pageUrl: 'https://example.com/article',
      pageTitle: 'The article',
    });
  });

  it('does not take a title from a tab that shows another page', () => {
    const share = shareFromMenuClick(click('courier:selection:choose', { selectionText: 'x' }), {
      url: 'https://elsewhere.example/',
      title: 'Elsewhere',
    }).share;
    expect(share).toMatchObject({ pageTitle: 'example.com' });
  });

  it.each([
    ['courier:page:choose', { pageUrl: 'chrome://settings/' }, /web addresses.*chrome: address/],
    ['courier:page:choose', { pageUrl: 'file:///home/ann/notes.html' }, /file: address/],
    ['courier:page:choose', { pageUrl: 'about:blank' }, /about: address/],
    ['courier:selection:choose', { pageUrl: 'file:///x.txt', selectionText: 'hi' }, /file: address/],
    ['courier:link:choose', { linkUrl: 'mailto:ann@example.com' }, /this link is a mailto: address/],
    ['courier:link:choose', { linkUrl: 'javascript:void(0)' }, /javascript: address/],
    ['courier:file:choose', { linkUrl: 'ftp://e.com/r.pdf' }, /this file is a ftp: address/],
    ['courier:image:choose', { srcUrl: 'data:image/png;base64,AAAA', mediaType: 'image' }, /embedded in the page/],
    ['courier:image:choose', { srcUrl: 'blob:https://e.com/1234' }, /embedded in the page/],
    ['courier:image:choose', { srcUrl: 'https://e.com/v.mp4', mediaType: 'video' }, /video, not an image/],
    ['courier:link:choose', {}, /couldn't read the address/],
  ] as Array<[string, Omit<MenuClick, 'menuItemId'>, RegExp]>)('refuses %s with %j', (id, rest, reason) => {
    const result = shareFromMenuClick({ menuItemId: id, ...rest }, { url: rest.pageUrl, title: 'T' });
    expect(result.share).toBeNull();
    expect(result.reason).toMatch(reason);
  });

  it('ignores items that are not Courier’s clickable items', () => {
    for (const id of ['courier:page', 'courier:page:separator', 'someone-else', 42]) {
      expect(shareFromMenuClick(click(id), tab)).toEqual({
        share: null,
        reason: "This is not one of Courier's menu items.",
      });
    }
  });
});
