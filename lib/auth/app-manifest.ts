/** What a Slack app manifest needs from a profile. */
export interface ManifestSource {
  name: string;
  botScopes: string[];
  userScopes: string[];
  redirectUrl: string;
}

const DEFAULT_NAME = 'Courier for Slack';

/** Slack allows a bot's display name only a-z, 0-9, '-', '_' and '.', up to 80 characters. */
function botName(appName: string): string {
  const slug = appName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'courier';
}

/**
 * The manifest for Slack's "Create app from a manifest": the redirect URL this browser uses, the
 * scopes, and token rotation on (Courier refreshes tokens). Only fields of Slack's manifest schema
 * (app-manifest.types.ts checks it against @slack/web-api's Manifest): PKCE has no field there, so
 * the guide asks the person to switch it on in the app's settings.
 */
export function slackAppManifest(source: ManifestSource) {
  const appName = source.name.trim().slice(0, 35) || DEFAULT_NAME;
  return {
    display_information: {
      name: appName,
      description: 'Send pages, links and files to Slack from the browser with Courier.',
    },
    features: {
      bot_user: { display_name: botName(appName), always_online: false },
    },
    oauth_config: {
      redirect_urls: [source.redirectUrl],
      scopes: {
        ...(source.botScopes.length ? { bot: source.botScopes } : {}),
        ...(source.userScopes.length ? { user: source.userScopes } : {}),
      },
    },
    settings: {
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: true,
    },
  };
}

/**
 * Slack's app settings for a base URL: GovSlack's own for slack-gov.com, the base URL itself for a
 * loopback emulator (development builds only reach one), Slack's otherwise.
 */
export function appSettingsOrigin(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.hostname === 'slack-gov.com' || url.hostname.endsWith('.slack-gov.com')) return 'https://api.slack-gov.com';
  if (url.protocol === 'http:') return url.origin;
  return 'https://api.slack.com';
}

/** Slack's new-app page with the manifest filled in: the person picks a workspace and creates it. */
export function createAppUrl(baseUrl: string, manifest: object): string {
  return `${appSettingsOrigin(baseUrl)}/apps?new_app=1&manifest_json=${encodeURIComponent(JSON.stringify(manifest))}`;
}

/** YAML for the same object: only maps, lists and scalars occur, so a small writer suffices. */
export function toYaml(value: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return value.map((item) => `${pad}- ${isScalar(item) ? scalar(item) : `\n${toYaml(item, indent + 2)}`}`).join('\n');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, item]) => {
        if (isScalar(item)) return `${pad}${key}: ${scalar(item)}`;
        if (Array.isArray(item) && item.length === 0) return `${pad}${key}: []`;
        return `${pad}${key}:\n${toYaml(item, indent + 2)}`;
      })
      .join('\n');
  }
  return `${pad}${scalar(value)}`;
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

function scalar(value: unknown): string {
  if (typeof value === 'string') {
    // Quote anything YAML could read as another type or as syntax.
    return /^[A-Za-z0-9 _./-]+$/.test(value) && !/^(true|false|null|yes|no|on|off|~|[-\d.]+)$/i.test(value)
      ? value
      : JSON.stringify(value);
  }
  return String(value);
}
