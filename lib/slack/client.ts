import type { Budget, BudgetKey } from './budget';
import { codeMeaning } from './codes';
import { SlackApiError, SlackTransportError } from './errors';
import type { PageOptions } from './paginate';
import { paginate } from './paginate';
import type { SendBytes, SendBytesOptions } from './send-bytes';
import { createByteSender } from './send-bytes';
import { isSlackFileUrl } from './hosts';
import { parseResponse, type SlackMethod, type SlackResponse } from './schemas';
import { isRead } from './tiers';
import { DEFAULT_TIMEOUT_MS, createTransport } from './transport';

/**
 * The Web API client the background uses for every call to one workspace: form-encoded POSTs with
 * the token in the body (transport.ts), a shared rate budget (budget.ts), 429s ridden out, reads
 * retried after transient failures, pagination and the upload step.
 *
 * Retries: a 429 means Slack did not process the call, so every method waits Retry-After (through
 * the budget, so the calls queued behind it wait too) and goes again, up to a cap. A network error,
 * a timeout, a 5xx or an unreadable body may hide a call Slack did process: only reads are
 * repeated (3 attempts, exponential backoff with jitter); writes fail at once, and the outbox
 * decides what to do with them.
 */

export interface SlackClientOptions {
  baseUrl: string;
  /** The workspace (and app) whose budget the calls count against. */
  team: string;
  budget: Budget;
  fetch?: typeof fetch;
  /** Waits between read retries. */
  sleep?: (ms: number) => Promise<void>;
  /** A fraction in [0, 1) that spreads retries out. */
  random?: () => number;
  /** Per HTTP attempt; uploads get more time for their size. */
  timeoutMs?: number;
  /** A Retry-After longer than this fails the call at once (the error carries the wait). */
  maxRetryAfterSeconds?: number;
  /** How the upload step sends its bytes; send-bytes.ts by default. */
  sendBytes?: SendBytes;
}

export interface TokenCallOptions {
  token: string;
  signal?: AbortSignal;
}

export interface SlackClient {
  /** Calls a Web API method; resolves with Slack's whole ok body, warnings included. */
  call(method: string, params: Record<string, unknown>, options: TokenCallOptions): Promise<Record<string, unknown>>;
  /** Walks a paginated method, yielding the items of `itemsKey` across pages. */
  paginate(
    method: string,
    params: Record<string, unknown>,
    options: PageOptions & { token: string },
  ): AsyncIterable<unknown>;
  /** Sends raw bytes to an upload URL from files.getUploadURLExternal (no token, no budget, no retry). */
  uploadBytes(url: string, blob: Blob, options?: SendBytesOptions): Promise<void>;
}

/** The arrays a method's answer holds, by key: what `paginate` can walk. */
type ListKey<M extends SlackMethod> = keyof {
  // Loose schemas add an index signature: only the named keys count.
  [
    K in keyof SlackResponse<M> as string extends K
      ? never
      : NonNullable<SlackResponse<M>[K]> extends readonly unknown[]
        ? K
        : never
  ]: true;
} &
  string;

/** One item of a method's list `K`. */
export type ItemOf<M extends SlackMethod, K extends ListKey<M>> =
  NonNullable<SlackResponse<M>[K]> extends readonly (infer Item)[] ? Item : never;

/**
 * The client with its token chosen: what an action's context needs, apart from the token kind.
 * Every answer is parsed against its method's schema (lib/slack/schemas) in the call itself, so
 * callers read typed fields and never cast.
 */
export interface SlackCalls {
  call<M extends SlackMethod>(
    method: M,
    params: Record<string, unknown>,
    options?: { signal?: AbortSignal },
  ): Promise<SlackResponse<M>>;
  paginate<M extends SlackMethod, K extends ListKey<M>>(
    method: M,
    params: Record<string, unknown>,
    options: PageOptions & { itemsKey: K },
  ): AsyncIterable<ItemOf<M, K>>;
  uploadBytes(url: string, blob: Blob, options?: SendBytesOptions): Promise<void>;
}

/** Runs work with a usable token, e.g. `(work) => refresher.withToken(accountId, kind, work)`. */
export type TokenRunner = <T>(work: (token: string) => Promise<T>) => Promise<T>;

const READ_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 1_000;
/** 429s ridden out per call before giving up. */
const RATE_LIMITED_RETRIES = 5;
const DEFAULT_MAX_RETRY_AFTER_SECONDS = 60;

/** A failure that tells nothing about the call itself: the same read may well succeed next time. */
export function isTransient(error: unknown): boolean {
  // Slack's own trouble is worth repeating for a read (lib/slack/codes.ts).
  if (error instanceof SlackApiError) return codeMeaning(error.code)?.server === true;
  if (!(error instanceof SlackTransportError)) return false;
  if (error.failure !== 'http_error') return error.failure !== 'rate_limited';
  const status = error.status ?? 500;
  return status >= 500 || status === 408;
}

function channelOf(params: Record<string, unknown>): string | undefined {
  const channel = params.channel ?? params.channel_id;
  return typeof channel === 'string' ? channel : undefined;
}

export function createSlackClient(options: SlackClientOptions): SlackClient {
  const fetchImpl = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const transport = createTransport(options.baseUrl, fetchImpl);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetryAfter = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS;
  const { budget } = options;
  const sendBytes = options.sendBytes ?? createByteSender({ fetch: fetchImpl, timeoutMs });

  /** Exponential, with "equal jitter": half the step fixed, half random. */
  const backoff = (failures: number) => BACKOFF_BASE_MS * 2 ** (failures - 1) * (0.5 + random() / 2);

  async function call(method: string, params: Record<string, unknown>, { token, signal }: TokenCallOptions) {
    const channel = channelOf(params);
    const key: BudgetKey = { team: options.team, method, ...(channel ? { channel } : {}) };
    let limited = 0;
    let failures = 0;
    for (;;) {
      await budget.take(key, { ...(signal ? { signal } : {}), retry: limited > 0 });
      try {
        return await transport.call(method, params, { token, timeoutMs, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (error instanceof SlackTransportError && error.failure === 'rate_limited') {
          const wait = error.retryAfter ?? 1;
          budget.penalize(key, wait);
          if (++limited > RATE_LIMITED_RETRIES || wait > maxRetryAfter) throw error;
          continue;
        }
        if (signal?.aborted || !isRead(method) || !isTransient(error) || ++failures >= READ_ATTEMPTS) throw error;
        await sleep(backoff(failures));
      }
    }
  }

  return {
    call,
    paginate: (method, params, { token, ...pages }) =>
      paginate((m, p, o) => call(m, p, { token, ...(o.signal ? { signal: o.signal } : {}) }), method, params, pages),
    // Slack's answer names the host that receives a file's bytes: only Slack's own file hosts may.
    uploadBytes: (url, blob, sendOptions) => {
      if (!isSlackFileUrl(url, options.baseUrl)) {
        return Promise.reject(new SlackApiError('files.getUploadURLExternal', UNTRUSTED_UPLOAD_URL));
      }
      return sendBytes(url, blob, sendOptions);
    },
  };
}

/** Courier's own code (not Slack's) for an upload_url outside Slack's file hosts. */
export const UNTRUSTED_UPLOAD_URL = 'courier_untrusted_upload_url';

/**
 * The client bound to one token, or to a runner that picks (and refreshes) it for every request:
 * `{ tokenKind, ...bindToken(client, (work) => refresher.withToken(accountId, kind, work)) }` is an
 * action's context.
 */
export function bindToken(client: SlackClient, token: string | TokenRunner): SlackCalls {
  const run: TokenRunner = typeof token === 'string' ? (work) => work(token) : token;
  const raw = (method: string, params: Record<string, unknown>, options: { signal?: AbortSignal } = {}) =>
    run((t) => client.call(method, params, { ...options, token: t }));
  return {
    call: async (method, params, options) => parseResponse(method, await raw(method, params, options)),
    // Each page is parsed whole, so every item it yields has its schema's type.
    paginate: <M extends SlackMethod, K extends ListKey<M>>(
      method: M,
      params: Record<string, unknown>,
      options: PageOptions & { itemsKey: K },
    ) =>
      paginate(async (m, p, o) => parseResponse(method, await raw(m, p, o)), method, params, options) as AsyncIterable<
        ItemOf<M, K>
      >,
    uploadBytes: (url, blob, options) => client.uploadBytes(url, blob, options),
  };
}
