// What entries use to stay declarative: a typed identity for entries, one way to call a method and
// one way to walk a list, so an entry's run() is a line or two.
import type * as z from 'zod/mini';
import { isSlackMethod, parseResponse } from '../slack/schemas';
import type { ActionContext, ActionDef, PageOptions } from './types';

/** Keeps the entry's input type for run() while the catalog holds plain ActionDefs. */
export function defineAction<Input extends z.ZodMiniObject>(def: ActionDef<Input>): ActionDef {
  return def;
}

/** Slack's answer without the envelope flag: what the action hands back to the person. */
export type SlackResult = Record<string, unknown>;

/** Drops unset fields so Slack applies its own defaults instead of receiving "undefined". */
export function defined(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

/** Checks a body against its method's response schema (lib/slack/schemas), when there is one. */
function parsed(method: string, body: Record<string, unknown>): Record<string, unknown> {
  return isSlackMethod(method) ? parseResponse(method, body) : body;
}

/** Calls one method with the given Slack parameters; the answer is checked against its schema. */
export async function slackCall(ctx: ActionContext, method: string, params: object): Promise<SlackResult> {
  const { ok: _ok, ...result } = parsed(method, await ctx.call(method, defined(params as Record<string, unknown>)));
  return result;
}

/** A run() that passes the (parsed) input straight to one method. */
export function passTo(method: string) {
  return (ctx: ActionContext, input: object) => slackCall(ctx, method, input);
}

/** Slack's comma-separated list parameters (users, channels, types) from arrays. */
export function commaList(values: readonly string[] | undefined): string | undefined {
  return values?.join(',');
}

export interface ListOptions {
  /** The array in each page: 'channels', 'members', 'messages', … */
  itemsKey: string;
  /** The total the caller asked for (the input's `limit`); undefined walks every page. */
  limit: number | undefined;
  /** Items per request; Slack recommends 100–200 for cursor methods. */
  pageSize?: number;
  style?: PageOptions['style'];
}

const DEFAULT_PAGE_SIZE = 200;

/** Walks every page (or up to `limit` items) and gathers the items. */
export async function listAll(
  ctx: ActionContext,
  method: string,
  params: object,
  options: ListOptions,
): Promise<unknown[]> {
  const pageSize = Math.min(options.pageSize ?? DEFAULT_PAGE_SIZE, options.limit ?? Infinity);
  const items: unknown[] = [];
  const pages = ctx.paginate(method, defined(params as Record<string, unknown>), {
    itemsKey: options.itemsKey,
    style: options.style ?? 'cursor',
    max: options.limit,
    pageSize,
  });
  for await (const item of pages) {
    items.push(item);
    // The walker honours max; this guard keeps the promise even if a page overshoots.
    if (options.limit !== undefined && items.length >= options.limit) break;
  }
  // The walker yields bare items; checking them as one page checks each against the method's schema.
  return parsed(method, { ok: true, [options.itemsKey]: items })[options.itemsKey] as unknown[];
}

/** A run() for a list method: the input minus `limit`, every page, `{ [itemsKey]: items }`. */
export function listFrom(method: string, itemsKey: string, extra: Omit<ListOptions, 'itemsKey' | 'limit'> = {}) {
  return async (ctx: ActionContext, input: { limit?: number }) => {
    const { limit, ...params } = input;
    return { [itemsKey]: await listAll(ctx, method, params, { ...extra, itemsKey, limit }) };
  };
}
