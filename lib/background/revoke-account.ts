import { revokeTokens, unrevokedSentence } from '../auth/revoke';
import type { Account } from '../store/records';
import type { Services } from './services';

/**
 * Ends an account's sign-in at Slack before its data goes here (Disconnect, a removed profile).
 * Resolves with the sentence to show when Slack could not confirm it, else undefined.
 */
export async function revokeAccount({ store, transport }: Services, account: Account): Promise<string | undefined> {
  const profile = await store.profiles.get(account.profileId);
  if (!profile) return undefined;
  const chains = await store.chains.listByAccount(account.id);
  const why = await revokeTokens(
    transport(profile.baseUrl),
    chains.flatMap((chain) => [chain.accessToken, chain.refreshToken]),
  );
  return why && unrevokedSentence(account.teamName, why);
}
