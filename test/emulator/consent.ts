// The HTML of the authorize step: the consent page and Slack-like error pages.
import { escapeHtml } from './http';
import type { App, Workspace } from './model';

export const CONSENT_TITLE = 'Courier emulator – authorize';

export interface ConsentView {
  app: App;
  workspaces: Workspace[];
  selectedTeam: string;
  botScopes: string[];
  userScopes: string[];
  /** Carried through the form so the decision sees the same request. */
  hidden: Record<string, string>;
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}
button{font:inherit;padding:.5rem 1.25rem;margin-right:.5rem}ul{padding-left:1.25rem}</style></head>
<body>
${body}
</body>
</html>
`;
}

function scopeList(label: string, scopes: string[]): string {
  if (scopes.length === 0) return '';
  const items = scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('');
  return `<h2>${escapeHtml(label)}</h2><ul>${items}</ul>`;
}

export function consentPage(view: ConsentView): string {
  const options = view.workspaces
    .map((ws) => {
      const selected = ws.id === view.selectedTeam ? ' selected' : '';
      return `<option value="${escapeHtml(ws.id)}"${selected}>${escapeHtml(ws.name)} (${escapeHtml(ws.domain)}.slack.com)</option>`;
    })
    .join('');
  const hidden = Object.entries(view.hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  return page(
    CONSENT_TITLE,
    `<h1><span id="app-name">${escapeHtml(view.app.name)}</span> is requesting permission to access a Slack workspace</h1>
<form method="post" action="/oauth/v2/authorize/decision">
${hidden}
<p><label for="team">Workspace</label>
<select id="team" name="team">${options}</select></p>
${scopeList('What it will be able to do as a bot', view.botScopes)}
${scopeList('What it will be able to do on your behalf', view.userScopes)}
<p><button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="cancel">Cancel</button></p>
</form>`,
  );
}

export function errorPage(message: string): string {
  return page('Courier emulator – error', `<h1>Something went wrong</h1><p id="error">${escapeHtml(message)}</p>`);
}
