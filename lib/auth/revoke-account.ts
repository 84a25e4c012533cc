import { revokeTokens, unrevokedSentence } from './revoke';
import { KeyLostError } from '../store/key-lost';
import type { Account } from '../store/records';
import type { ChainsRepo } from '../store/chains';
import type { ProfilesRepo } from '../store/profiles';
import type { Transport } from '../slack/transport';

/**
 * Ends an account's sign-in at Slack before its data goes here (Disconnect, a removed profile).
 * Resolves with the sentence to show when Slack could not confirm it, else undefined.
 */
export async function revokeAccount(
  {
    store,
    transport,
  }: {
    store: { profiles: Pick<ProfilesRepo, 'get'>; chains: Pick<ChainsRepo, 'listByAccount'> };
    transport: (baseUrl: string) => Transport;
  },
  account: Account,
): Promise<string | undefined> {
  const profile = await store.profiles.get(account.profileId);
  if (!profile) return undefined;
  // Tokens sealed under a lost key cannot be revoked, but the workspace can still be removed.
  const chains = await store.chains.listByAccount(account.id).catch((error: unknown) => {
    if (error instanceof KeyLostError) return [];
    throw error;
  });
  const why = await revokeTokens(
    transport(profile.baseUrl),
    chains.flatMap((chain) => [chain.accessToken, chain.refreshToken]),
  );
  return why && unrevokedSentence(account.teamName, why);
}
