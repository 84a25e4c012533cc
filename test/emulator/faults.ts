// Injected failures, consumed in the order they were added. Each kind is one entry in EFFECTS, so
// new kinds (or a probabilistic chaos mode feeding this queue) need no change to the dispatcher.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, sendText } from './http';

/**
 * 'dropAfter' runs the method (the message is stored) and then drops the connection, so the
 * client cannot know it succeeded: the case exactly-once delivery must survive. 'otherTeam' runs the
 * method and names another workspace as its answer's `team`: a hostile answer a client must refuse.
 * 'rewrite' runs the method and sets one field of a successful answer (`field` to `value`): an
 * upload_url or a permalink on a host that is not Slack's.
 */
export const FAULT_KINDS = [
  'http500',
  'latency',
  'drop',
  'dropAfter',
  'malformed',
  'ratelimit',
  'revoke',
  'otherTeam',
  'rewrite',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The `method` a fault names to hit POST /upload/v1/… (the byte upload of files.getUploadURLExternal). */
export const UPLOAD_FAULT_METHOD = 'upload';

export interface FaultSpec {
  /** A Slack method name such as 'chat.postMessage', '*' (the default) for any /api call, or 'upload'. */
  method?: string;
  kind: FaultKind;
  /** How many calls it affects; default 1, -1 for every call until cleared. */
  count?: number;
  /** latency: delay before the normal response (default 1000). */
  ms?: number;
  /** ratelimit: the Retry-After value in seconds (default 1). */
  retryAfter?: number;
  /** http500: the status to send (default 500; 502 and 503 are useful too). */
  status?: number;
  /** rewrite: the answer's field to set, and its value. */
  field?: string;
  value?: unknown;
}

export interface Fault {
  id: number;
  method: string;
  kind: FaultKind;
  remaining: number;
  ms: number;
  retryAfter: number;
  status: number;
  field?: string;
  value?: unknown;
}

export interface FaultContext {
  req: IncomingMessage;
  res: ServerResponse;
  corsHeaders: Record<string, string>;
  /** Revokes every token of the caller's chain (the 'revoke' kind). */
  revokeCaller(): void;
}

/** 'handled' means the response is finished (or the socket gone); 'continue' runs the method. */
type Effect = (fault: Fault, ctx: FaultContext) => Promise<'handled' | 'continue'>;

const EFFECTS: Record<FaultKind, Effect> = {
  http500: (fault, ctx) => {
    sendText(
      ctx.res,
      fault.status,
      '<html><body><h1>Internal Server Error</h1></body></html>',
      'text/html',
      ctx.corsHeaders,
    );
    return Promise.resolve('handled');
  },
  latency: (fault) => new Promise((resolve) => setTimeout(() => resolve('continue'), fault.ms)),
  dropAfter: () => Promise.resolve('continue'),
  otherTeam: () => Promise.resolve('continue'),
  rewrite: () => Promise.resolve('continue'),
  drop: (_fault, ctx) => {
    ctx.req.socket.destroy();
    return Promise.resolve('handled');
  },
  malformed: (_fault, ctx) => {
    sendText(ctx.res, 200, '<html><body>Slack is having trouble<', 'text/html; charset=utf-8', ctx.corsHeaders);
    return Promise.resolve('handled');
  },
  ratelimit: (fault, ctx) => {
    sendJson(
      ctx.res,
      429,
      { ok: false, error: 'ratelimited' },
      { ...ctx.corsHeaders, 'retry-after': String(fault.retryAfter) },
    );
    return Promise.resolve('handled');
  },
  revoke: (_fault, ctx) => {
    ctx.revokeCaller();
    return Promise.resolve('continue');
  },
};

export function isFaultKind(value: unknown): value is FaultKind {
  return typeof value === 'string' && (FAULT_KINDS as readonly string[]).includes(value);
}

export class FaultQueue {
  private faults: Fault[] = [];
  private seq = 0;
  applied = 0;

  add(spec: FaultSpec): Fault {
    this.seq += 1;
    const fault: Fault = {
      id: this.seq,
      method: spec.method ?? '*',
      kind: spec.kind,
      remaining: spec.count ?? 1,
      ms: spec.ms ?? 1000,
      retryAfter: spec.retryAfter ?? 1,
      status: spec.status ?? 500,
      ...(spec.field !== undefined ? { field: spec.field, value: spec.value } : {}),
    };
    this.faults.push(fault);
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /**
   * Consumes one use of the first fault that matches the method. `exact` skips '*' faults: the upload
   * endpoint takes only faults added for UPLOAD_FAULT_METHOD, so '*' keeps meaning "any /api call".
   */
  take(method: string, exact = false): Fault | undefined {
    const fault = this.faults.find((f) => (!exact && f.method === '*') || f.method === method);
    if (!fault) return undefined;
    if (fault.remaining > 0) fault.remaining -= 1;
    if (fault.remaining === 0) this.faults = this.faults.filter((f) => f !== fault);
    this.applied += 1;
    return { ...fault };
  }
}

export function applyFault(fault: Fault, ctx: FaultContext): Promise<'handled' | 'continue'> {
  return EFFECTS[fault.kind](fault, ctx);
}
