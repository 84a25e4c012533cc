/**
 * Which addresses Slack may hand Courier: an upload URL receives a file's bytes and a permalink
 * becomes a link a person clicks, so neither is trusted just because Slack's answer carried it.
 * The base URL's own origin always counts (it was checked when the profile was saved: https, or
 * loopback in the e2e build); anything else must be https on the workspace's Slack hosts.
 */

function parse(text: string): URL | undefined {
  return URL.canParse(text) ? new URL(text) : undefined;
}

function withinBase(url: URL, base: URL): boolean | undefined {
  if (url.origin === base.origin) return true;
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return undefined;
}

/** An upload_url from files.getUploadURLExternal: files.slack.com, or files.<base host>. */
export function isSlackFileUrl(text: string, baseUrl: string): boolean {
  const url = parse(text);
  const base = parse(baseUrl);
  if (!url || !base) return false;
  return withinBase(url, base) ?? (url.hostname === 'files.slack.com' || url.hostname === `files.${base.hostname}`);
}

const onDomain = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * A permalink or workspace URL: slack.com or the base host, or one of their subdomains
 * (acme.slack.com). Slack's own domain always counts: workspaces live there whatever the API host.
 */
export function isSlackWebUrl(text: string, baseUrl: string): boolean {
  const url = parse(text);
  const base = parse(baseUrl);
  if (!url || !base) return false;
  return withinBase(url, base) ?? (onDomain(url.hostname, 'slack.com') || onDomain(url.hostname, base.hostname));
}
