import type * as z from 'zod/mini';

/** Which token an action runs with. "either-*" prefers the first kind and falls back to the other. */
export type TokenNeed = 'bot' | 'user' | 'either-bot' | 'either-user';

export type ActionGroup = 'messages' | 'conversations' | 'files' | 'users' | 'connect' | 'unified';

export interface PageOptions {
  /** The array in each page, e.g. 'channels' for conversations.list. */
  itemsKey: string;
  /** Cursor pagination (next_cursor; empty means done) or page/count (files.list). */
  style?: 'cursor' | 'page';
  /** Stop after this many items in all; undefined walks every page. */
  max?: number;
  /** Items asked for per request (Slack's `limit`, or `count` for page style). */
  pageSize?: number;
}

export interface UploadProgress {
  sent: number;
  total: number;
}

/** What an action's run() may use: calls with the token already chosen, refreshed and rate-limited. */
export interface ActionContext {
  tokenKind: 'bot' | 'user';
  /** Calls a Web API method; object and array values are sent as JSON strings in the form. */
  call(
    method: string,
    params: Record<string, unknown>,
    options?: { signal?: AbortSignal },
  ): Promise<Record<string, unknown>>;
  /** Walks a paginated method, yielding the items of `itemsKey` across pages. */
  paginate(method: string, params: Record<string, unknown>, options: PageOptions): AsyncIterable<unknown>;
  /** Sends raw bytes to an upload URL returned by files.getUploadURLExternal. */
  uploadBytes(
    uploadUrl: string,
    bytes: Blob,
    options?: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal },
  ): Promise<void>;
}

/** One of Courier's Slack actions: data plus one run function. */
export interface ActionDef<Input extends z.ZodMiniType = z.ZodMiniType> {
  /** Stable id, snake_case: send_message, list_conversations, … */
  id: string;
  title: string;
  description: string;
  group: ActionGroup;
  /** The Slack methods it calls, the main one first. */
  methods: string[];
  /** Slack's parameter names; required exactly where Slack requires them. */
  input: Input;
  token: TokenNeed;
  scopes: { bot: string[]; user: string[] };
  /**
   * A list action: the array its page holds, and whether the next page is named by a cursor
   * (response_metadata.next_cursor) or by a page number (paging, as files.list).
   */
  pages?: { items: string; by?: 'cursor' | 'page' };
  run(ctx: ActionContext, input: z.output<Input>): Promise<unknown>;
}
