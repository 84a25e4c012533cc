// Scopes from the catalog: what a profile must ask Slack for, and what an account still lacks.
import { actionById } from './catalog';
import { TOKEN_PREFERENCE as KINDS } from './runner';
import type { ActionDef } from './types';

export interface ScopeSets {
  bot: string[];
  user: string[];
}

type Kind = keyof ScopeSets;

/**
 * The fewest scopes that let every listed action run with its preferred token. Unknown ids are
 * ignored: a profile may name an action a newer version removed.
 */
export function scopesForActions(ids: readonly string[]): ScopeSets {
  const bot = new Set<string>();
  const user = new Set<string>();
  for (const id of ids) {
    const action = actionById(id);
    if (!action) continue;
    const kind = KINDS[action.token][0] ?? 'bot';
    for (const scope of action.scopes[kind]) (kind === 'bot' ? bot : user).add(scope);
  }
  return { bot: [...bot].sort(), user: [...user].sort() };
}

/**
 * What the account lacks before the action can run, for the "needs scope" mark. It looks at the
 * chain the runner would pick (the first kind the action accepts that the account has; a kind with
 * no granted scopes counts as absent), so the mark and a real run agree.
 */
export function missingScopes(
  action: ActionDef,
  grantedBot: readonly string[],
  grantedUser: readonly string[],
): ScopeSets {
  const granted: Record<Kind, readonly string[]> = { bot: grantedBot, user: grantedUser };
  const kinds = KINDS[action.token];
  const kind = kinds.find((candidate) => granted[candidate].length > 0) ?? kinds[0] ?? 'bot';
  const lacking = action.scopes[kind].filter((scope) => !granted[kind].includes(scope));
  return { bot: kind === 'bot' ? lacking : [], user: kind === 'user' ? lacking : [] };
}
