import { createAppUrl, slackAppManifest, type ManifestSource } from '@/lib/auth/app-manifest';

interface Props {
  source: ManifestSource;
  baseUrl: string;
  /** A public client needs PKCE, which Slack's manifest has no field for. */
  pkce: boolean;
  /** The guide's main call; on a saved profile the app usually exists, so it steps back. */
  primary?: boolean;
}

/** "Create Slack app": Slack's new-app page with this profile's manifest already filled in. */
export function CreateAppLink({ source, baseUrl, pkce, primary = true }: Props) {
  let href = '';
  try {
    href = createAppUrl(baseUrl, slackAppManifest(source));
  } catch {
    // A base URL being typed is not a URL yet: no link until it is.
  }
  return (
    <div class="create-app">
      {href ? (
        <a class={primary ? 'button primary' : 'button'} href={href} target="_blank" rel="noopener noreferrer">
          Create Slack app
        </a>
      ) : (
        <p class="error">Enter a Slack base URL such as https://slack.com to get the link.</p>
      )}
      <p class="muted">
        Opens Slack with the app&apos;s settings filled in (name, redirect URL, scopes, token rotation): pick a
        workspace and click Create. Then copy the Client ID{pkce ? '' : ' and Client secret'} from Basic Information →
        App Credentials.
      </p>
      {pkce && (
        <p class="note">
          One switch to flip in Slack: under OAuth &amp; Permissions, turn on PKCE. Slack&apos;s manifest has no field
          for it. It makes the app a public client for good (no client secret in Courier), and Slack then ends a sign-in
          30 days after its last refresh; Courier refreshes long before that.
        </p>
      )}
    </div>
  );
}
