import * as z from 'zod/mini';
import type { MessageType, RequestOf } from '../protocol';
import { inputFailure, PARSE_OPTIONS } from '../actions/issue-words';
import { parseShare } from '../share/parse-share';
import { isUploadShare, type Share } from '../share/share';

/**
 * The payload every request must have, checked at the router before any handler runs: pages are
 * ours, but a page can be buggy, stale after an update, or driven by a script in its console.
 * Objects drop keys they do not name, so a handler sees only what its type says. Profile fields
 * are only shaped here; the profile form's rules (lib/auth/profile.ts) give per-field sentences.
 */

const text = z.string();
const id = z.string().check(z.minLength(1));
const empty = z.object({});
const account = { accountId: id };
const inChannel = { accountId: id, channel: id };
const days = z.int().check(z.positive(), z.maximum(3650));

/** A share as parseShare() keeps it: known fields only, web addresses only, credentials dropped. */
const shareOf = <S extends Share>(accept: (share: Share) => share is S, message: string) =>
  z.transform((value: unknown, ctx): S => {
    const parsed = parseShare(value);
    if (parsed && accept(parsed)) return parsed;
    ctx.issues.push({ code: 'custom', message, input: value });
    return z.NEVER;
  });
// A screenshot is only uploaded ('upload.start'): as a message it would lose its image.
const share = shareOf(
  (value): value is Share => value.kind !== 'screenshot',
  'expected a share with web addresses only (a screenshot is uploaded)',
);
const uploadShare = shareOf(isUploadShare, 'expected an image, file or screenshot share with web addresses only');

const target = z.object({ key: id, accountId: id, id, label: text });
const targets = z.array(target).check(z.minLength(1), z.maxLength(100));
const scopes = z.array(z.string());

type Schemas = { [K in MessageType]: z.ZodMiniType<RequestOf<K>> };

export const REQUESTS = {
  ping: empty,
  'accounts.list': empty,
  'diagnostics.get': empty,
  'profiles.list': empty,
  'profiles.save': z.object({
    id: z.optional(id),
    name: text,
    baseUrl: text,
    clientType: z.enum(['confidential', 'public']),
    clientId: text,
    clientSecret: z.optional(text),
    botScopes: text,
    userScopes: text,
    actions: z.array(z.string()),
  }),
  'profiles.remove': z.object({ id }),
  'workspaces.connect': z.object({
    profileId: id,
    team: z.optional(id),
    extraScopes: z.optional(z.object({ bot: scopes, user: scopes })),
  }),
  'workspaces.disconnect': z.object(account),
  'workspaces.check': z.object({ ...account, kind: z.optional(z.enum(['bot', 'user'])) }),
  'actions.list': empty,
  'actions.run': z.object({ ...account, actionId: id, input: z.record(z.string(), z.unknown()) }),
  send: z.object({
    targets,
    share,
    threadLink: z.optional(text),
    postAt: z.optional(z.int().check(z.positive())),
    unfurl: z.boolean(),
  }),
  'upload.start': z.object({ uploadId: id, share: uploadShare, targets, threadLink: z.optional(text) }),
  'upload.cancel': z.object({ uploadId: id }),
  'screenshot.take': z.object({
    area: z.enum(['visible', 'region']),
    tabId: z.optional(z.int().check(z.nonnegative())),
  }),
  'message.update': z.object({ ...inChannel, ts: id, text }),
  'message.delete': z.object({ ...inChannel, ts: id }),
  'conversation.join': z.object(inChannel),
  'presence.list': empty,
  'presence.set': z.object({ ...account, presence: z.enum(['auto', 'away']) }),
  'status.list': empty,
  'status.set': z.object({
    accountIds: z.array(id).check(z.minLength(1), z.maxLength(100)),
    status: z.object({ emoji: text, text, expiration: z.int().check(z.minimum(0)) }),
    away: z.boolean(),
    pause: z.boolean(),
  }),
  'scheduled.list': empty,
  'scheduled.cancel': z.object({ ...inChannel, id }),
  'outbox.list': empty,
  'outbox.retry': z.object({ id }),
  'outbox.retryNow': empty,
  'outbox.discard': z.object({ id }),
  'outbox.edit': z.object({ id, text, target: z.optional(target) }),
  'history.list': z.object({ query: z.optional(text) }),
  'history.delete': z.object({ id }),
  'history.clear': empty,
  'history.retention': z.object({ days: z.optional(days) }),
  'directory.refresh': z.object({ force: z.optional(z.boolean()) }),
} satisfies Schemas;

// Stripping keys would silently drop a field a schema forgot: this fails to compile instead.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
const everyField: { [K in MessageType]: SameKeys<z.output<(typeof REQUESTS)[K]>, RequestOf<K>> } extends Record<
  MessageType,
  true
>
  ? true
  : never = true;
void everyField;

/** The payload as its handler may take it; a CourierFailure naming the first field at fault otherwise. */
export function parseRequest<K extends MessageType>(type: K, payload: unknown): RequestOf<K> {
  const schema: Schemas[K] = REQUESTS[type];
  const result = z.safeParse(schema, payload ?? {}, PARSE_OPTIONS);
  if (!result.success) throw inputFailure(`Courier refused the request "${type}"`, result.error);
  return result.data;
}
