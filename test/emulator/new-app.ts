// Slack's "Create app from a manifest" page, as https://api.slack.com/apps?new_app=1&manifest_json=…
// opens it: the manifest is read from the URL, the person picks a workspace and clicks Create, and
// the app's credentials are shown. Keys outside Slack's manifest schema are refused, as Slack's
// SDK types define it (the emulator's reading: Slack answers an unknown key with an error).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { escapeHtml, readBody, sendHtml } from './http';
import type { EmulatorState } from './state';

export const NEW_APP_TITLE = 'Courier emulator – create an app';

const KNOWN: Record<string, string[]> = {
  '': ['_metadata', 'display_information', 'features', 'oauth_config', 'settings', 'functions'],
  oauth_config: ['redirect_urls', 'scopes', 'token_management_enabled'],
  'oauth_config.scopes': ['bot', 'user', 'bot_optional', 'user_optional'],
  settings: [
    'allowed_ip_address_ranges',
    'event_subscriptions',
    'incoming_webhooks',
    'interactivity',
    'org_deploy_enabled',
    'socket_mode_enabled',
    'token_rotation_enabled',
    'function_runtime',
  ],
};

interface ManifestShape {
  display_information?: { name?: unknown };
  oauth_config?: { redirect_urls?: unknown; scopes?: { bot?: unknown; user?: unknown } };
}

/** The first key Slack's schema does not define, as "oauth_config.pkce_enabled". */
function unknownKey(manifest: Record<string, unknown>): string | undefined {
  for (const [at, keys] of Object.entries(KNOWN)) {
    const object = at
      ? at.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], manifest)
      : manifest;
    if (!object || typeof object !== 'object') continue;
    const extra = Object.keys(object).find((key) => !keys.includes(key));
    if (extra) return at ? `${at}.${extra}` : extra;
  }
  return undefined;
}

function page(body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${NEW_APP_TITLE}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
button{font:inherit;padding:.5rem 1.25rem}code{font-size:1rem}</style></head>
<body>${body}</body></html>
`;
}

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);

function readManifest(text: string | null): { manifest?: ManifestShape; error?: string } {
  try {
    const parsed: unknown = JSON.parse(text ?? '');
    if (!parsed || typeof parsed !== 'object') return { error: 'The manifest is not a JSON object.' };
    const extra = unknownKey(parsed as Record<string, unknown>);
    if (extra) return { error: `The manifest has a field Slack does not know: ${extra}.` };
    if (typeof (parsed as ManifestShape).display_information?.name !== 'string') {
      return { error: 'The manifest needs display_information.name.' };
    }
    return { manifest: parsed };
  } catch {
    return { error: 'The manifest is not valid JSON.' };
  }
}

export function handleNewApp(state: EmulatorState, res: ServerResponse, url: URL): void {
  const text = url.searchParams.get('manifest_json');
  const { manifest, error } = readManifest(text);
  if (!manifest)
    return sendHtml(res, 400, page(`<h1>Your manifest has errors</h1><p role="alert">${escapeHtml(error ?? '')}</p>`));
  const options = [...state.workspaces.values()]
    .map((ws) => `<option value="${escapeHtml(ws.id)}">${escapeHtml(ws.name)}</option>`)
    .join('');
  const scopes = [...strings(manifest.oauth_config?.scopes?.bot), ...strings(manifest.oauth_config?.scopes?.user)];
  sendHtml(
    res,
    200,
    page(`<h1>Create <span id="app-name">${escapeHtml(String(manifest.display_information?.name))}</span> from a manifest</h1>
<form method="post" action="/apps/create">
<input type="hidden" name="manifest_json" value="${escapeHtml(text ?? '')}">
<p><label for="team">Pick a workspace to develop your app in</label> <select id="team" name="team">${options}</select></p>
<p>${scopes.length} scopes; redirect URL ${strings(manifest.oauth_config?.redirect_urls)
      .map((u) => `<code>${escapeHtml(u)}</code>`)
      .join(', ')}</p>
<p><button type="submit">Create</button></p>
</form>`),
  );
}

export async function handleCreateApp(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const form = new URLSearchParams(await readBody(req));
  const { manifest, error } = readManifest(form.get('manifest_json'));
  if (!manifest) return sendHtml(res, 400, page(`<p role="alert">${escapeHtml(error ?? '')}</p>`));
  const app = state.createApp({
    name: String(manifest.display_information?.name),
    redirectUris: strings(manifest.oauth_config?.redirect_urls),
    clientSecret: randomBytes(16).toString('hex'),
  });
  sendHtml(
    res,
    200,
    page(`<h1>Basic Information</h1><h2>App Credentials</h2>
<dl><dt>App ID</dt><dd id="app-id">${escapeHtml(app.appId)}</dd>
<dt>Client ID</dt><dd id="client-id">${escapeHtml(app.clientId)}</dd>
<dt>Client Secret</dt><dd id="client-secret">${escapeHtml(app.clientSecret ?? '')}</dd></dl>`),
  );
}
