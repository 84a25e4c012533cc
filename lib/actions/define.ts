// What entries use to stay declarative: a typed identity for entries and one way to call a method,
// so an entry's run() is a line or two.
import type * as z from 'zod/mini';
import { isSlackMethod, parseResponse } from '../slack/schemas';
import type { ActionContext, ActionDef } from './types';

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

/**
 * A run() that passes the (parsed) input to one method, the named list fields joined with commas
 * as Slack takes them. A list method answers one page as Slack does: its items with next_cursor,
 * has_more or paging, so the console can ask for the next one.
 */
export function passTo(method: string, ...commaFields: string[]) {
  return (ctx: ActionContext, input: Record<string, unknown>) => {
    const params = { ...input };
    for (const field of commaFields) params[field] = (params[field] as string[] | undefined)?.join(',');
    return slackCall(ctx, method, params);
  };
}
