// Where the next page of a list action starts, read from the page Slack answered: its
// response_metadata.next_cursor, or for page-numbered methods (files.list) its paging.
import type { ActionView } from '@/lib/protocol';

type Input = Record<string, unknown>;
interface Answer {
  response_metadata?: { next_cursor?: unknown };
  paging?: { page?: unknown; pages?: unknown };
}

/** The input that asks for the page after `result`; undefined when it was the last (or not a list). */
export function nextPageInput(action: ActionView, input: Input, result: unknown): Input | undefined {
  if (!action.pages || typeof result !== 'object' || result === null) return undefined;
  const answer = result as Answer;
  if (action.pages.by === 'page') {
    const { page, pages } = answer.paging ?? {};
    return typeof page === 'number' && typeof pages === 'number' && page < pages
      ? { ...input, page: page + 1 }
      : undefined;
  }
  const cursor = answer.response_metadata?.next_cursor;
  return typeof cursor === 'string' && cursor ? { ...input, cursor } : undefined;
}

/** The items of one page, for gathering a walk over all of them. */
export function itemsOf(action: ActionView, result: unknown): unknown[] {
  const items = action.pages && (result as Record<string, unknown> | null)?.[action.pages.items];
  return Array.isArray(items) ? items : [];
}
