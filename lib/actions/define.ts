// What entries use to stay declarative: a typed identity for entries and one way to call a method,
// so an entry's run() is a line or two.
import type * as z from 'zod/mini';
import type { SlackMethod, SlackResponse } from '../slack/schemas';
import type { ActionContext, ActionDef } from './types';

/**
 * Keeps the entry's input type for run() while the catalog holds plain ActionDefs; the output type
 * stays, so code that runs an entry itself (the popup's quick actions) reads a typed result.
 */
export function defineAction<Input extends z.ZodMiniObject, Output>(
  def: ActionDef<Input, Output>,
): ActionDef<z.ZodMiniType, Output> {
  return def;
}

/** Slack's answer without the envelope flag: what the action hands back to the person. */
export type SlackResult = Record<string, unknown>;

/** Drops unset fields so Slack applies its own defaults instead of receiving "undefined". */
export function defined(params: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}

/** Calls one method with the given Slack parameters; the call checks the answer against its schema. */
export async function slackCall<M extends SlackMethod>(
  ctx: ActionContext,
  method: M,
  params: object,
): Promise<SlackResponse<M>> {
  return ctx.call(method, defined(params as Record<string, unknown>));
}

/**
 * A run() that passes the (parsed) input to one method, the named list fields joined with commas
 * as Slack takes them. A list method answers one page as Slack does: its items with next_cursor,
 * has_more or paging, so the console can ask for the next one.
 */
export function passTo(method: SlackMethod, ...commaFields: string[]) {
  return async (ctx: ActionContext, input: Record<string, unknown>): Promise<SlackResult> => {
    const params = { ...input };
    for (const field of commaFields) params[field] = (params[field] as string[] | undefined)?.join(',');
    const { ok: _ok, ...result }: SlackResult = await slackCall(ctx, method, params);
    return result;
  };
}
