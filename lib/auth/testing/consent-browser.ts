import { AuthFlowCancelled, AuthFlowUnreachable } from '../../platform/identity';

/** What the person does on the consent page. */
export interface ConsentChoice {
  /** The button pressed; default 'allow'. */
  decision?: 'allow' | 'cancel';
  /** The workspace picked in the select; default whatever the page preselected. */
  team?: string;
  /**
   * Runs when Slack redirects back, before linkWorkspace sees the URL; what it returns is what
   * linkWorkspace gets. For tampering with the redirect, or for breaking things in between.
   */
  onRedirect?: (redirect: string) => string | Promise<string>;
}

export interface ConsentBrowser {
  /** A drop-in for the identity adapter's launchAuthFlow (uses no `this`, so it can be passed on). */
  launchAuthFlow: (url: string) => Promise<string>;
  /** Every URL the flow was opened with. */
  readonly opened: string[];
  /** The text of every error page shown instead of the consent form (then the window was closed). */
  readonly errorPages: string[];
}

/**
 * Plays the browser window of `identity.launchWebAuthFlow` against the emulator over HTTP: loads
 * the authorize URL, submits the consent form with the person's choice and resolves with the
 * redirect to `redirectUri`, without following it. Fails the way the real adapter does:
 *
 * - the authorize page cannot be loaded at all → AuthFlowUnreachable;
 * - anything else that leaves the window open without reaching `redirectUri`, such as Slack's
 *   error page for an unknown client_id or a redirect URL the app does not list, is shown to the
 *   person, who can only close the window → AuthFlowCancelled.
 */
export function consentBrowser(redirectUri: string, choice: ConsentChoice = {}): ConsentBrowser {
  const opened: string[] = [];
  const errorPages: string[] = [];

  async function finish(response: Response): Promise<string> {
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      if (!location.startsWith(redirectUri)) throw new Error(`Redirected away from the flow to ${location}`);
      return choice.onRedirect ? choice.onRedirect(location) : location;
    }
    errorPages.push(visibleText(await response.text()));
    throw new AuthFlowCancelled();
  }

  return {
    opened,
    errorPages,
    async launchAuthFlow(url) {
      opened.push(url);
      let page: Response;
      try {
        page = await fetch(url, { redirect: 'manual' });
      } catch {
        throw new AuthFlowUnreachable();
      }
      if (page.status !== 200) return finish(page);
      const html = await page.text();
      const form = consentForm(html, url);
      if (!form) {
        errorPages.push(visibleText(html));
        throw new AuthFlowCancelled();
      }
      const body = new URLSearchParams(form.hidden);
      body.set('team', choice.team ?? form.selectedTeam);
      body.set('decision', choice.decision ?? 'allow');
      let decided: Response;
      try {
        decided = await fetch(form.action, { method: 'POST', body, redirect: 'manual' });
      } catch {
        // The window is already open: a failed submit shows the browser's error page in it.
        errorPages.push('(the consent form could not be submitted)');
        throw new AuthFlowCancelled();
      }
      return finish(decided);
    },
  };
}

interface ConsentForm {
  action: string;
  hidden: [string, string][];
  selectedTeam: string;
}

/** Reads the emulator's consent form (consent.ts); undefined when the page has none. */
function consentForm(html: string, pageUrl: string): ConsentForm | undefined {
  const action = /<form method="post" action="([^"]+)">/.exec(html)?.[1];
  if (!action) return undefined;
  const hidden = [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
    ([, name = '', value = '']) => [unescapeHtml(name), unescapeHtml(value)] as [string, string],
  );
  const selectedTeam = /<option value="([^"]*)" selected>/.exec(html)?.[1] ?? '';
  return {
    action: new URL(unescapeHtml(action), pageUrl).toString(),
    hidden,
    selectedTeam: unescapeHtml(selectedTeam),
  };
}

/** The emulator escapes with numeric references only (http.ts escapeHtml). */
function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

function visibleText(html: string): string {
  const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html;
  return unescapeHtml(body.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
