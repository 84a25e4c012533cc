/**
 * Slack's published rate tier of every method Courier calls (slack-api.md §2.1 Table A, §1.6,
 * §4.2), and which of them are reads. Each tier's budget is its published floor ("20+ per
 * minute" is taken as 20), so staying inside it never earns a 429 from Slack itself.
 */

export type Tier = 1 | 2 | 3 | 4 | 'special';

export interface RateRule {
  /** Calls admitted per window. */
  limit: number;
  windowMs: number;
  /** Counted per channel rather than per workspace (chat.postMessage). */
  perChannel?: boolean;
}

interface MethodInfo {
  tier: Tier;
  /**
   * Repeating it can't do anything twice, so a network error, a timeout or a 5xx is retried: the
   * GET-verb methods of Table A, plus the POST-verb methods that only read (scheduled messages,
   * Slack Connect invites, auth.test, auth.teams.list, discoverable contacts).
   */
  read: boolean;
  /** Special-tier methods carry their own rule. */
  rule?: RateRule;
}

const MINUTE = 60_000;

export const TIER_RULES: Record<Exclude<Tier, 'special'>, RateRule> = {
  1: { limit: 1, windowMs: MINUTE },
  2: { limit: 20, windowMs: MINUTE },
  3: { limit: 50, windowMs: MINUTE },
  4: { limit: 100, windowMs: MINUTE },
};

const read = (tier: Tier, rule?: RateRule): MethodInfo => (rule ? { tier, read: true, rule } : { tier, read: true });
const write = (tier: Tier, rule?: RateRule): MethodInfo => (rule ? { tier, read: false, rule } : { tier, read: false });

export const METHODS: Readonly<Record<string, MethodInfo>> = {
  // Messages
  // "About 1 per second per channel, short bursts allowed": 3 per 3 s keeps the average and
  // allows a burst of 3. Slack's workspace-wide cap is unpublished; its 429s still count.
  'chat.postMessage': write('special', { limit: 3, windowMs: 3_000, perChannel: true }),
  'chat.postEphemeral': write(4),
  'chat.update': write(3),
  'chat.delete': write(3),
  'chat.scheduleMessage': write(3),
  'chat.deleteScheduledMessage': write(3),
  'chat.scheduledMessages.list': read(3),
  // "Hundreds per minute" (its method page): 200 is the floor of "hundreds".
  'chat.getPermalink': read('special', { limit: 200, windowMs: MINUTE }),
  // Conversations
  'conversations.create': write(2),
  'conversations.info': read(3),
  'conversations.history': read(3),
  'conversations.replies': read(3),
  'conversations.members': read(4),
  'conversations.list': read(2),
  'conversations.invite': write(3),
  'conversations.inviteShared': write(2),
  'conversations.listConnectInvites': read(1),
  'conversations.join': write(3),
  'conversations.leave': write(3),
  'conversations.kick': write(3),
  'conversations.open': write(3),
  'conversations.rename': write(2),
  // Files
  'files.getUploadURLExternal': write(4),
  'files.completeUploadExternal': write(4),
  'files.info': read(4),
  'files.list': read(3),
  'files.delete': write(3),
  'files.sharedPublicURL': write(3),
  'files.revokePublicURL': write(3),
  // Users
  'users.info': read(4),
  'users.list': read(2),
  // The spec says Tier 3 (the java SDK's metadata says Tier 2; a 429 would still be ridden out).
  'users.conversations': read(3),
  'users.lookupByEmail': read(3),
  'users.getPresence': read(3),
  'users.setPresence': write(2),
  'users.profile.get': read(4),
  'users.discoverableContacts.lookup': read(2),
  'usergroups.list': read(2),
  'usergroups.users.list': read(2),
  'usergroups.create': write(2),
  'usergroups.update': write(2),
  'usergroups.enable': write(2),
  'usergroups.disable': write(2),
  'usergroups.users.update': write(2),
  // Workspace and tokens
  'team.info': read(3),
  'auth.teams.list': read(2),
  // Special without a number; Tier 4 is the closest published figure.
  'auth.test': read('special', TIER_RULES[4]),
  // Spec verb GET, but it revokes a token: not a read.
  'auth.revoke': write(3),
  // A code is single-use and a refresh retires the refresh token sent: never repeated blindly.
  'oauth.v2.access': write('special', { limit: 600, windowMs: MINUTE }),
};

/** Methods missing from the table: a write at Tier 2, the cautious reading on both counts. */
const UNKNOWN: MethodInfo = write(2);

function infoOf(method: string): MethodInfo {
  return Object.hasOwn(METHODS, method) ? (METHODS[method] ?? UNKNOWN) : UNKNOWN;
}

export function tierOf(method: string): Tier {
  return infoOf(method).tier;
}

export function rateRule(method: string): RateRule {
  const info = infoOf(method);
  if (info.rule) return info.rule;
  return info.tier === 'special' ? TIER_RULES[2] : TIER_RULES[info.tier];
}

/** Safe to repeat after a network error, a timeout or a 5xx. */
export function isRead(method: string): boolean {
  return infoOf(method).read;
}
