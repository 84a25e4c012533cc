import { codeMeaning } from '../slack/codes';
import { SlackApiError, SlackTransportError } from '../slack/errors';
import type { Transport } from '../slack/transport';

/**
 * Ends tokens at Slack. With rotation auth.revoke ends one token at a time, so every access and
 * refresh token is sent. Resolves with why one could not be ended (for unrevokedSentence), or
 * undefined; never rejects, so what follows (a removal) goes on either way.
 */
export async function revokeTokens(
  transport: Transport,
  tokens: readonly (string | undefined)[],
): Promise<string | undefined> {
  const results = await Promise.allSettled(
    tokens.filter(Boolean).map((token) => transport.call('auth.revoke', {}, { token })),
  );
  for (const result of results) {
    if (result.status === 'fulfilled') continue;
    const error: unknown = result.reason;
    // A token Slack no longer accepts has nothing left to end.
    if (error instanceof SlackApiError) {
      if (codeMeaning(error.code)?.dead || error.code === 'token_expired') continue;
      return error.code;
    }
    const failure = error instanceof SlackTransportError ? error.failure : 'network';
    return failure === 'network' || failure === 'timeout' ? 'offline' : failure;
  }
  return undefined;
}

export const unrevokedSentence = (teamName: string, why: string): string =>
  `Courier could not revoke ${teamName}'s sign-in at Slack (${why}): remove the app from the workspace to end it.`;
