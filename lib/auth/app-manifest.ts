/** What a Slack app manifest needs from a profile. */
export interface ManifestSource {
  name: string;
  clientType: 'confidential' | 'public';
  botScopes: string[];
  userScopes: string[];
  redirectUrl: string;
}

/**
 * The manifest to paste into Slack's "Create app from a manifest": the redirect URL this browser
 * uses, the scopes, rotation on (Courier refreshes tokens), PKCE for public clients.
 */
export function slackAppManifest(source: ManifestSource) {
  const appName = source.name.trim().slice(0, 35) || 'Courier for Slack';
  return {
    display_information: {
      name: appName,
      description: 'Send pages, links and files to Slack from the browser with Courier.',
    },
    features: {
      bot_user: { display_name: appName.slice(0, 80), always_online: false },
    },
    oauth_config: {
      redirect_urls: [source.redirectUrl],
      scopes: {
        ...(source.botScopes.length ? { bot: source.botScopes } : {}),
        ...(source.userScopes.length ? { user: source.userScopes } : {}),
      },
      token_rotation_enabled: true,
      ...(source.clientType === 'public' ? { pkce_enabled: true } : {}),
    },
    settings: {
      org_deploy_enabled: false,
      socket_mode_enabled: false,
      token_rotation_enabled: true,
    },
  };
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
