import { identityAvailable, NO_IDENTITY_MESSAGE, redirectUrl } from '@/lib/platform/identity';
import { CopyButton } from '../CopyButton';

/** The redirect URL to register in the Slack app, or, where the browser has no identity API, what to do. */
export function RedirectUrl() {
  if (!identityAvailable()) {
    return (
      <p class="error" role="alert" data-testid="no-identity">
        {NO_IDENTITY_MESSAGE}
      </p>
    );
  }
  const url = redirectUrl();
  return (
    <>
      <p>Register this redirect URL in your Slack app under OAuth &amp; Permissions → Redirect URLs:</p>
      <p>
        <code class="copyable" data-testid="redirect-url">
          {url}
        </code>{' '}
        <CopyButton text={url} label="Copy redirect URL" />
      </p>
    </>
  );
}
