import type { ActionView } from '@/lib/protocol';

/** The token an action prefers; its scopes are the ones a profile must ask for. */
export function preferredKind(action: Pick<ActionView, 'token'>): 'bot' | 'user' {
  return action.token === 'user' || action.token === 'either-user' ? 'user' : 'bot';
}

/**
 * The popup's channel picker lists public and private channels, DMs, group DMs and people, so a
 * profile that can send messages also asks to read them.
 */
export const DIRECTORY_SCOPES = ['channels:read', 'groups:read', 'im:read', 'mpim:read', 'users:read'];

/** The fewest bot and user scopes that let the chosen actions run with their preferred tokens. */
export function scopesForActionViews(
  actions: readonly ActionView[],
  ids: readonly string[],
): { bot: string[]; user: string[] } {
  const bot = new Set<string>(ids.includes('send_message') ? DIRECTORY_SCOPES : []);
  const user = new Set<string>();
  for (const action of actions) {
    if (!ids.includes(action.id)) continue;
    if (preferredKind(action) === 'user') action.userScopes.forEach((scope) => user.add(scope));
    else action.botScopes.forEach((scope) => bot.add(scope));
  }
  return { bot: [...bot].sort(), user: [...user].sort() };
}

/** Slack Connect needs an Enterprise plan and extra approval, so a new profile leaves it off. */
export function defaultActionIds(actions: readonly ActionView[]): string[] {
  return actions.filter((action) => action.group !== 'connect').map((action) => action.id);
}

/** What the account lacks for an action, judged on the chain it would run with. */
export function missingForAccount(action: ActionView, granted: { bot: string[]; user: string[] }): string[] {
  const order: ('bot' | 'user')[] =
    action.token === 'bot'
      ? ['bot']
      : action.token === 'user'
        ? ['user']
        : action.token === 'either-user'
          ? ['user', 'bot']
          : ['bot', 'user'];
  const kind = order.find((candidate) => granted[candidate].length > 0) ?? order[0]!;
  const needed = kind === 'bot' ? action.botScopes : action.userScopes;
  return needed.filter((scope) => !granted[kind].includes(scope));
}
