import { SlackTransportError } from './errors';

export interface PageOptions {
  /** The array in each page, e.g. 'channels' for conversations.list. */
  itemsKey: string;
  /** Cursor pagination (next_cursor; empty means done) or page/count (files.list). */
  style?: 'cursor' | 'page';
  /** Stop after this many items in all; undefined walks every page. */
  max?: number;
  /** Items asked for per request (Slack's `limit`, or `count` for page style). */
  pageSize?: number;
  signal?: AbortSignal;
}

/** One page request: a method call with its parameters. */
export type PageCall = (
  method: string,
  params: Record<string, unknown>,
  options: { signal?: AbortSignal },
) => Promise<Record<string, unknown>>;

/** Slack recommends 100–200 per page (slack-api.md §4.3). */
export const DEFAULT_PAGE_SIZE = 200;

/** Cursor methods whose page size is `count`, not `limit` (Table A). */
const COUNT_PARAM = new Set(['conversations.listConnectInvites']);

function itemsOf(method: string, page: Record<string, unknown>, key: string): unknown[] {
  const items = page[key];
  if (!Array.isArray(items)) throw new SlackTransportError(method, 'garbage');
  return items;
}

function nextCursor(page: Record<string, unknown>): string {
  const metadata = page.response_metadata as Record<string, unknown> | undefined;
  return typeof metadata?.next_cursor === 'string' ? metadata.next_cursor : '';
}

/**
 * Walks a paginated method, yielding its items across pages. Cursor style follows
 * response_metadata.next_cursor until it is empty; page style asks page 1, 2, … until
 * paging.pages. With `max`, no page is fetched once that many items were yielded, and the last
 * page asks only for what is still missing.
 */
export function paginate(
  call: PageCall,
  method: string,
  params: Record<string, unknown>,
  options: PageOptions,
): AsyncIterable<unknown> {
  return { [Symbol.asyncIterator]: () => itemsAcross(pagesOf(call, method, params, options)) };
}

/**
 * The items of each page one by one. An async generator yielding every item costs a generator
 * resumption and several promise turns per item (a third of the client's own time when paging
 * 50 000 users); this hands out the items of a page already read as resolved promises.
 */
function itemsAcross(pages: AsyncGenerator<unknown[], void, undefined>): AsyncIterator<unknown> {
  let items: unknown[] = [];
  let index = 0;
  async function nextPage(): Promise<IteratorResult<unknown>> {
    for (;;) {
      const page = await pages.next();
      if (page.done) return { value: undefined, done: true };
      items = page.value;
      index = 0;
      if (items.length > 0) return { value: items[index++], done: false };
    }
  }
  return {
    next: () => (index < items.length ? Promise.resolve({ value: items[index++], done: false }) : nextPage()),
    // A loop left early (break, throw) stops the walk: no further page is fetched.
    return: async () => {
      items = [];
      await pages.return(undefined);
      return { value: undefined, done: true };
    },
  };
}

/** Each page's items, cut to what `max` still wants. */
async function* pagesOf(
  call: PageCall,
  method: string,
  params: Record<string, unknown>,
  options: PageOptions,
): AsyncGenerator<unknown[], void, undefined> {
  const { itemsKey, max, signal } = options;
  const pageSize = Math.max(1, options.pageSize ?? (options.style === 'page' ? 100 : DEFAULT_PAGE_SIZE));
  const sizeParam = options.style === 'page' || COUNT_PARAM.has(method) ? 'count' : 'limit';
  let yielded = 0;
  const wanted = () => (max === undefined ? pageSize : Math.min(pageSize, max - yielded));
  /** The page's items up to `max`; true when that many were yielded. */
  const take = (items: unknown[]): [unknown[], boolean] => {
    if (max === undefined || yielded + items.length < max) {
      yielded += items.length;
      return [items, false];
    }
    const last = items.slice(0, max - yielded);
    yielded = max;
    return [last, true];
  };
  if (max !== undefined && max <= 0) return;

  if (options.style === 'page') {
    // The page size must stay the same from page to page, or page numbers would shift.
    const count = wanted();
    for (let page = 1; ; page++) {
      const body = await call(method, { ...params, [sizeParam]: count, page }, { signal });
      const items = itemsOf(method, body, itemsKey);
      const [some, done] = take(items);
      yield some;
      if (done) return;
      const paging = body.paging as { pages?: unknown } | undefined;
      const pages = typeof paging?.pages === 'number' ? paging.pages : page;
      if (items.length === 0 || page >= pages) return;
    }
  }

  let cursor: string | undefined;
  for (;;) {
    const body = await call(method, { ...params, [sizeParam]: wanted(), cursor }, { signal });
    const [some, done] = take(itemsOf(method, body, itemsKey));
    yield some;
    if (done) return;
    const next = nextCursor(body);
    if (!next) return;
    // A cursor that does not move would loop forever.
    if (next === cursor) throw new SlackTransportError(method, 'garbage');
    cursor = next;
  }
}
