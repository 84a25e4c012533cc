import { describe, expect, it } from 'vitest';
import type { ActionView } from '@/lib/protocol';
import { itemsOf, nextPageInput } from './pages';

const view = (pages?: ActionView['pages']): ActionView => ({
  id: 'list_x',
  title: 'List X',
  description: '',
  group: 'users',
  token: 'bot',
  botScopes: [],
  userScopes: [],
  fields: [],
  ...(pages ? { pages } : {}),
});

describe('nextPageInput', () => {
  it('continues a cursor list from next_cursor, keeping the rest of the input, and stops on an empty one', () => {
    const users = view({ items: 'members' });
    const page = { members: [1], response_metadata: { next_cursor: 'abc' } };
    expect(nextPageInput(users, { limit: 2, cursor: 'old' }, page)).toEqual({ limit: 2, cursor: 'abc' });
    expect(nextPageInput(users, { limit: 2 }, { members: [], response_metadata: { next_cursor: '' } })).toBeUndefined();
    expect(nextPageInput(users, {}, { members: [] })).toBeUndefined();
  });

  it('continues a numbered list (files.list) from paging until the last page', () => {
    const files = view({ items: 'files', by: 'page' });
    expect(nextPageInput(files, { count: 1 }, { files: [], paging: { page: 1, pages: 3 } })).toEqual({
      count: 1,
      page: 2,
    });
    expect(nextPageInput(files, { count: 1, page: 3 }, { files: [], paging: { page: 3, pages: 3 } })).toBeUndefined();
  });

  it('has no next page for an action that is not a list', () => {
    expect(nextPageInput(view(), {}, { response_metadata: { next_cursor: 'abc' } })).toBeUndefined();
  });
});

describe('itemsOf', () => {
  it("reads the page's array by the action's items key", () => {
    expect(itemsOf(view({ items: 'members' }), { members: [1, 2] })).toEqual([1, 2]);
    expect(itemsOf(view({ items: 'members' }), { channels: [1] })).toEqual([]);
    expect(itemsOf(view(), { members: [1] })).toEqual([]);
  });
});
