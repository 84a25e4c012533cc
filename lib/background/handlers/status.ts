import { accountContext, type AccountContext } from '../../actions/account-context';
import { runAction } from '../../actions/runner';
import { pauseNotifications, resumeNotifications, setUserStatus } from '../../actions/status';
import { getUser, getUserProfile, setUserPresence } from '../../actions/users';
import { toWireError } from '../../errors';
import type { Handlers } from '../../messaging/router';
import type { SlackStatus, StatusResult, StatusView } from '../../protocol';
import type { SlackUser, UserProfile } from '../../slack/schemas';
import type { Services } from '../services';

const STATUS_SCOPE = 'users.profile:write';
const AWAY_SCOPE = 'users:write';
const PAUSE_SCOPE = 'dnd:write';

/** Whether the person's own token (the user token) holds `scope`: status, away and pause are theirs. */
const userHolds = (context: AccountContext, scope: string) =>
  context.runner.chains.user && context.account.userScopes.includes(scope);

async function statusOf(context: AccountContext): Promise<StatusView> {
  const { account } = context;
  const base = {
    accountId: account.id,
    teamName: account.teamName,
    canSet: userHolds(context, STATUS_SCOPE),
    canAway: userHolds(context, AWAY_SCOPE),
    canPause: userHolds(context, PAUSE_SCOPE),
  };
  // A bot token reads the person's profile by id; the user token reads its own.
  const me = account.authedUserId ? { user: account.authedUserId } : {};
  const [profile, person] = await Promise.allSettled([
    runAction(getUserProfile, context.runner.chains.user ? {} : me, context.runner),
    account.authedUserId ? runAction(getUser, me, context.runner) : Promise.reject(new Error('no user')),
  ]);
  const timeZone =
    person.status === 'fulfilled' ? ((person.value.result.user as SlackUser).tz ?? undefined) : undefined;
  if (profile.status === 'rejected') return { ...base, error: toWireError(profile.reason).message };
  const {
    status_emoji: emoji = '',
    status_text: text = '',
    status_expiration: expiration = 0,
  } = profile.value.result.profile as UserProfile;
  return { ...base, status: { emoji, text, expiration }, ...(timeZone ? { timeZone } : {}) };
}

/** Minutes from now until `expiration` (unix seconds), at least one. */
const minutesUntil = (expiration: number, now: number) => Math.max(1, Math.ceil((expiration * 1000 - now) / 60_000));

async function setIn(
  services: Services,
  accountId: string,
  request: { status: SlackStatus; away: boolean; pause: boolean },
): Promise<StatusResult> {
  const context = await accountContext(services, accountId);
  const { teamName } = context.account;
  const clear = !request.status.emoji && !request.status.text;
  const needed = [STATUS_SCOPE, ...(request.away ? [AWAY_SCOPE] : []), ...(request.pause ? [PAUSE_SCOPE] : [])];
  const missing = needed.filter((scope) => !userHolds(context, scope));
  if (missing.includes(STATUS_SCOPE)) {
    return {
      accountId,
      teamName,
      ok: false,
      missing,
      message: `Setting a status needs a user token with ${missing.join(', ')}. Reconnect ${teamName} with ${missing.length > 1 ? 'them' : 'it'}.`,
    };
  }
  const { status } = request;
  try {
    await runAction(
      setUserStatus,
      {
        profile: {
          status_emoji: status.emoji,
          status_text: status.text,
          status_expiration: clear ? 0 : status.expiration,
        },
      },
      context.runner,
    );
  } catch (error) {
    return { accountId, teamName, ok: false, message: toWireError(error).message };
  }
  // The status is set; what goes with it may still fail, and says so beside it.
  const notes: string[] = [];
  const also = async (what: string, scope: string, work: () => Promise<unknown>) => {
    if (!userHolds(context, scope)) return notes.push(`${what} needs ${scope}: reconnect ${teamName} with it.`);
    try {
      await work();
    } catch (error) {
      const wire = toWireError(error);
      // Nothing paused is nothing to resume.
      if (!(clear && scope === PAUSE_SCOPE && /aren't paused/.test(wire.message)))
        notes.push(`${what}: ${wire.message}`);
    }
  };
  if (request.away) {
    await also(clear ? 'Presence back to automatic' : 'Away', AWAY_SCOPE, () =>
      runAction(setUserPresence, { presence: clear ? 'auto' : 'away' }, context.runner),
    );
  }
  if (request.pause) {
    if (clear)
      await also('Resuming notifications', PAUSE_SCOPE, () => runAction(resumeNotifications, {}, context.runner));
    else if (status.expiration > 0) {
      const num_minutes = minutesUntil(status.expiration, Date.now());
      await also('Pausing notifications', PAUSE_SCOPE, () =>
        runAction(pauseNotifications, { num_minutes }, context.runner),
      );
    } else notes.push('Notifications are paused only for a status that clears by itself.');
  }
  return {
    accountId,
    teamName,
    ok: true,
    ...(notes.length ? { message: notes.join(' ') } : {}),
    ...(missing.length ? { missing } : {}),
    view: await statusOf(context),
  };
}

export function statusHandlers(services: () => Promise<Services>): Pick<Handlers, 'status.list' | 'status.set'> {
  return {
    'status.list': async () => {
      const all = await services();
      const accounts = (await all.store.accounts.list()).filter((account) => account.status !== 'needs_reconnect');
      return Promise.all(accounts.map(async (account) => statusOf(await accountContext(all, account.id))));
    },
    'status.set': async ({ accountIds, ...request }) => {
      const all = await services();
      return Promise.all(
        accountIds.map((accountId) =>
          setIn(all, accountId, request).catch((error: unknown): StatusResult => ({
            accountId,
            teamName: '',
            ok: false,
            message: toWireError(error).message,
          })),
        ),
      );
    },
  };
}
