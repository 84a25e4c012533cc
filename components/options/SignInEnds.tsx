import type { AccountSummary } from '@/lib/protocol';

/**
 * A PKCE workspace's sign-in lasts 30 days from its last renewal, and only a running browser renews
 * it: say until when it holds, in the person's own date format.
 */
export function SignInEnds({ account }: { account: AccountSummary }) {
  if (account.signInEndsAt === undefined || account.status === 'needs_reconnect') return null;
  const day = new Date(account.signInEndsAt).toLocaleDateString(undefined, { dateStyle: 'medium' });
  return <div class="muted">Sign-in renews automatically; if the browser stays closed it lasts until {day}.</div>;
}
