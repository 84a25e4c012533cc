import type * as z from 'zod/mini';
import type { MethodTable } from '../tier-rules';
import { AUTH_METHODS } from './auth';
import { CONVERSATIONS_METHODS } from './conversations';
import { DND_METHODS } from './dnd';
import { FILES_METHODS } from './files';
import { MESSAGES_METHODS } from './messages';
import { TEAMS_METHODS } from './teams';
import { USERS_METHODS } from './users';

export * from './auth';
export * from './common';
export * from './conversations';
export * from './dnd';
export * from './files';
export * from './messages';
export * from './teams';
export * from './users';

/**
 * Every Slack method Courier calls: its success-response schema beside its rate tier. A method
 * Courier starts to call is added to its domain's file, and nowhere else.
 */
export const SLACK_API = {
  ...AUTH_METHODS,
  ...CONVERSATIONS_METHODS,
  ...DND_METHODS,
  ...FILES_METHODS,
  ...MESSAGES_METHODS,
  ...TEAMS_METHODS,
  ...USERS_METHODS,
} as const satisfies MethodTable;

type Api = typeof SLACK_API;

/** The success-response schema of every Slack method Courier calls. */
export const RESPONSE_SCHEMAS = Object.fromEntries(
  Object.entries(SLACK_API).map(([method, { response }]) => [method, response]),
) as { [M in keyof Api]: Api[M]['response'] };

export type SlackMethod = keyof typeof RESPONSE_SCHEMAS;

/** The parsed success body of `method`; unknown fields are kept (typed as unknown). */
export type SlackResponse<M extends SlackMethod> = z.output<(typeof RESPONSE_SCHEMAS)[M]>;

export const SLACK_METHODS = Object.keys(RESPONSE_SCHEMAS) as SlackMethod[];

export function isSlackMethod(name: string): name is SlackMethod {
  return Object.hasOwn(RESPONSE_SCHEMAS, name);
}

/** One place where a body does not match its schema. Never carries a value from the body. */
export interface ShapeIssue {
  /** Dotted path from the body's root, array indexes included: "channels.3.id"; "(body)" for the root. */
  path: string;
  /** "missing", "expected string, got number", … */
  problem: string;
}

const MAX_ISSUES_IN_MESSAGE = 5;

/**
 * Slack answered ok but not in the shape Courier knows. The message and `issues` name field paths
 * and JSON types only, never values: a body can hold tokens (oauth.v2.access) or private text.
 */
export class SlackResponseShapeError extends Error {
  readonly method: string;
  readonly issues: readonly ShapeIssue[];
  constructor(method: string, issues: readonly ShapeIssue[]) {
    const shown = issues.slice(0, MAX_ISSUES_IN_MESSAGE).map((issue) => `${issue.path} (${issue.problem})`);
    const more = issues.length > shown.length ? ` and ${issues.length - shown.length} more` : '';
    super(`Slack ${method} answered with an unexpected shape at ${shown.join(', ')}${more}.`);
    this.name = 'SlackResponseShapeError';
    this.method = method;
    this.issues = issues;
  }

  /** The distinct paths, in order. */
  get paths(): string[] {
    return [...new Set(this.issues.map((issue) => issue.path))];
  }
}

/** A JSON type name; the only thing ever said about a value. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let node = body;
  for (const key of path) {
    if (typeof node !== 'object' || node === null || typeof key === 'symbol') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function describe(issue: z.core.$ZodIssue, body: unknown): ShapeIssue {
  const path = issue.path.length ? issue.path.map(String).join('.') : '(body)';
  const value = valueAt(body, issue.path);
  let problem: string;
  if (issue.code === 'custom') {
    // Only this folder's own refinements, whose messages name no value.
    problem = issue.message;
  } else if (value === undefined) {
    problem = 'missing';
  } else if (issue.code === 'invalid_type') {
    problem = `expected ${issue.expected}, got ${kindOf(value)}`;
  } else if (issue.code === 'invalid_value') {
    // The allowed values come from the schema (ok: true), not from the body.
    problem = `expected ${issue.values.map((allowed) => JSON.stringify(allowed)).join(' or ')}, got ${kindOf(value)}`;
  } else if (issue.code === 'invalid_union') {
    problem = `unexpected ${kindOf(value)}`;
  } else {
    problem = issue.code;
  }
  return { path, problem };
}

/**
 * Checks a successful Slack body against its method's schema and returns it, unknown fields
 * included. Throws SlackResponseShapeError naming the offending paths. Error bodies (ok: false)
 * are the transport's business (SlackApiError); here they fail at `ok`.
 */
export function parseResponse<M extends SlackMethod>(method: M, body: unknown): SlackResponse<M> {
  if (!isSlackMethod(method)) throw new TypeError(`No response schema for Slack method ${String(method)}`);
  const schema: z.ZodMiniType = RESPONSE_SCHEMAS[method];
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new SlackResponseShapeError(
      method,
      result.error.issues.map((issue) => describe(issue, body)),
    );
  }
  return result.data as SlackResponse<M>;
}
