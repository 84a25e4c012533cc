import * as z from 'zod/mini';

// Shared pieces of every Slack Web API response schema.
//
// Rules for the whole folder:
// * z.looseObject everywhere: Slack adds fields without notice, and a field Courier does not know
//   must survive parsing untouched (the tests check that a parsed sample deep-equals its input).
// * Required only for what Slack always sends and Courier relies on: `ok`, the object a method
//   exists to return, and identity fields such as channel.id, user.id or the `ts` of a posted
//   message. Everything else is optional, and nullable (`nullish`) where Slack is known to send null.
// * No enums for values Slack owns (presence, token_type, subtype…): new values appear over time,
//   and the Java SDK skeletons carry "" placeholders.
// * No transforms or defaults: the parsed object is the body, only checked.
// * zod/mini, as everywhere the worker bundles (actions, stored records, auth): its functions
//   tree-shake, where classic zod's methods pull in all of zod (scripts/budgets.mjs holds the line).

/** A Slack timestamp id such as "1503435956.000247" (message ts, thread_ts, last_read…). */
export const ts = z.string();

/** A number Slack sometimes sends as a string ("user_count": "2", "post_at": "1562180400", thumb sizes). */
export const numberish = z.union([z.number(), z.string()]);

/** `response_metadata`: cursor pagination and soft warnings. */
export const responseMetadataSchema = z.looseObject({
  /** Empty string, null or absent all mean "last page". */
  next_cursor: z.nullish(z.string()),
  warnings: z.optional(z.array(z.string())),
  messages: z.optional(z.array(z.string())),
});
export type ResponseMetadata = z.output<typeof responseMetadataSchema>;

/** Classic page/count paging (files.list, files.info comments). */
export const pagingSchema = z.looseObject({
  count: z.optional(z.number()),
  total: z.number(),
  page: z.number(),
  pages: z.number(),
});
export type Paging = z.output<typeof pagingSchema>;

/** `{ value, creator, last_set }` as used by a conversation's topic and purpose. */
export const topicSchema = z.looseObject({
  value: z.optional(z.string()),
  creator: z.optional(z.string()),
  last_set: z.optional(z.number()),
});

/** Fields every successful response may carry. */
const envelopeShape = {
  ok: z.literal(true),
  /** Comma-separated soft warnings, e.g. "already_in_channel". */
  warning: z.optional(z.string()),
  response_metadata: z.optional(responseMetadataSchema),
};

/** A successful response: `ok: true`, the envelope fields and the method's own fields, unknown ones kept. */
export function okResponse<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.looseObject({ ...envelopeShape, ...shape });
}

/** Methods whose success answer is just `{ ok: true }`. */
export const okOnlyResponse = okResponse({});
