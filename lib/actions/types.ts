import type * as z from 'zod/mini';
import type { SlackCalls } from '../slack/client';
import type { SlackMethod } from '../slack/schemas';

/** Which token an action runs with. "either-*" prefers the first kind and falls back to the other. */
export type TokenNeed = 'bot' | 'user' | 'either-bot' | 'either-user';

export type ActionGroup = 'messages' | 'conversations' | 'files' | 'users' | 'connect' | 'unified';

/** What an action's run() may use: calls with the token already chosen, refreshed, rate-limited and parsed. */
export interface ActionContext extends SlackCalls {
  tokenKind: 'bot' | 'user';
}

/** One of Courier's Slack actions: data plus one run function. */
export interface ActionDef<Input extends z.ZodMiniType = z.ZodMiniType, Output = unknown> {
  /** Stable id, snake_case: send_message, list_conversations, … */
  id: string;
  title: string;
  description: string;
  group: ActionGroup;
  /** The Slack methods it calls, the main one first. */
  methods: SlackMethod[];
  /** Slack's parameter names; required exactly where Slack requires them. */
  input: Input;
  /** A valid input (ids need not exist): tests vary it, the emulator test runs it. */
  example: z.input<Input>;
  token: TokenNeed;
  scopes: { bot: string[]; user: string[] };
  /**
   * A list action: the array its page holds, and whether the next page is named by a cursor
   * (response_metadata.next_cursor) or by a page number (paging, as files.list).
   */
  pages?: { items: string; by?: 'cursor' | 'page' };
  run(ctx: ActionContext, input: z.output<Input>): Promise<Output>;
}
