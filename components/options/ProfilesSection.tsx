import { browser } from 'wxt/browser';
import { CopyButton } from '../CopyButton';

export function ProfilesSection() {
  const redirectUrl = browser.identity.getRedirectURL();
  return (
    <section id="profiles" aria-labelledby="profiles-title">
      <h2 id="profiles-title">Profiles</h2>
      <p>
        A connector profile holds your Slack app&apos;s client ID, client secret (or PKCE), scopes and the actions it
        enables. Register this redirect URL in your Slack app under OAuth &amp; Permissions:
      </p>
      <p>
        <code class="copyable" data-testid="redirect-url">
          {redirectUrl}
        </code>{' '}
        <CopyButton text={redirectUrl} label="Copy redirect URL" />
      </p>
      <p class="muted">No connector profile yet.</p>
    </section>
  );
}
