// Slack-style cursor pagination: opaque base64 of '<prefix>:<id of the next item>', e.g.
// 'dXNlcjpVMDYxTkZUVDI=' is 'user:U061NFTT2'. An empty next_cursor means the end.
import type { Params } from './envelope';
import { SlackError, int, str } from './envelope';

export interface PageOptions {
  prefix: string;
  defaultLimit: number;
  maxLimit: number;
}

export interface Page<T> {
  items: T[];
  nextCursor: string;
}

export function encodeCursor(prefix: string, id: string): string {
  return Buffer.from(`${prefix}:${id}`).toString('base64');
}

export function decodeCursor(prefix: string, cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64').toString('utf8');
  if (!decoded.startsWith(`${prefix}:`)) throw new SlackError('invalid_cursor');
  return decoded.slice(prefix.length + 1);
}

/** Reads `limit`: absent or 0 gives the default, too large is clamped (as Slack does). */
export function readLimit(params: Params, options: PageOptions): number {
  const limit = int(params, 'limit');
  if (limit === undefined || limit === 0) return options.defaultLimit;
  if (Number.isNaN(limit) || limit < 0) throw new SlackError('invalid_limit');
  return Math.min(limit, options.maxLimit);
}

export function paginate<T>(
  items: T[],
  idOf: (item: T) => string,
  params: Params,
  options: PageOptions,
  limit = readLimit(params, options),
): Page<T> {
  const cursor = str(params, 'cursor');
  let start = 0;
  if (cursor) {
    const id = decodeCursor(options.prefix, cursor);
    start = items.findIndex((item) => idOf(item) === id);
    if (start < 0) throw new SlackError('invalid_cursor');
  }
  const end = start + limit;
  const next = items[end];
  return {
    items: items.slice(start, end),
    nextCursor: next === undefined ? '' : encodeCursor(options.prefix, idOf(next)),
  };
}
