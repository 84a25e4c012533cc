import type { SiteRule } from '../store/settings';

/**
 * A default channel per site (the site-rules setting): which rule a page falls under, how a site is
 * written, and what the browser's menus filter on. Pure: the popup, the options page, the menus and
 * the send-to-last shortcut all decide the same way.
 *
 * A site is a host, optionally with a port and a path prefix: "github.com", "localhost:3000",
 * "github.com/acme". It matches a page when
 * - the host is the page's host, with "www." ignored on both sides (github.com and www.github.com
 *   are one site) and letters in any case; other subdomains are other sites (gist.github.com is not
 *   github.com);
 * - a site without a port matches every port, one with a port only that port (80 and 443 are
 *   written as no port, as browsers write them);
 * - a path prefix matches whole segments, case-sensitively as URLs are: "github.com/acme" matches
 *   /acme, /acme/ and /acme/repo, not /acme-corp or /Acme. A trailing slash changes nothing, and
 *   the scheme, query and fragment are never compared.
 * When several rules match, the longest path prefix wins ("github.com/acme" over "github.com"), then
 * the one with a port.
 */

export type { SiteRule } from '../store/settings';

interface Site {
  /** Lower case, without a leading "www.". */
  host: string;
  /** '' for any port. */
  port: string;
  /** '' for the whole host, else "/acme" (percent-encoded as URLs are, no trailing slash). */
  path: string;
}

const WWW = /^www\./;

function parseSite(text: string): Site | null {
  const site = text.trim();
  if (!site || /^[/?#]|[\s*]/.test(site)) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(site) ? site : `http://${site}`);
  } catch {
    return null;
  }
  const host = url.hostname.replace(WWW, '');
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || !host) return null;
  const port = url.port === '80' || url.port === '443' ? '' : url.port;
  return { host, port, path: url.pathname.replace(/\/+$/, '') };
}

const written = ({ host, port, path }: Site) => `${host}${port ? `:${port}` : ''}${path}`;

/**
 * A site as rules keep it ("github.com/acme" from "https://www.GitHub.com/acme/?tab=repos"), or
 * null when the text names none: another scheme, no host, a space or a `*`.
 */
export function normaliseSite(text: string): string | null {
  const site = parseSite(text);
  return site && written(site);
}

function pageOf(url: string | undefined): URL | null {
  if (!url) return null;
  try {
    const page = new URL(url);
    return page.protocol === 'http:' || page.protocol === 'https:' ? page : null;
  } catch {
    return null;
  }
}

/** The site the popup offers for a page: its host and port, without "www." ("github.com"). */
export function siteOfPage(url: string | undefined): string | null {
  const page = pageOf(url);
  return page && written({ host: page.hostname.replace(WWW, ''), port: page.port, path: '' });
}

function matches(site: Site, page: URL): boolean {
  if (page.hostname.replace(WWW, '') !== site.host) return false;
  if (site.port && page.port !== site.port) return false;
  return !site.path || page.pathname === site.path || page.pathname.startsWith(`${site.path}/`);
}

/** How specific a site is: the longer path prefix first, then a port over none. */
const weight = (site: Site) => site.path.length * 2 + (site.port ? 1 : 0);

/** The rule a page falls under (the most specific that matches), or undefined. */
export function ruleFor(rules: readonly SiteRule[], url: string | undefined): SiteRule | undefined {
  const page = pageOf(url);
  if (!page) return undefined;
  let best: { rule: SiteRule; weight: number } | undefined;
  for (const rule of rules) {
    const site = parseSite(rule.site);
    if (!site || !matches(site, page)) continue;
    if (!best || weight(site) > best.weight) best = { rule, weight: weight(site) };
  }
  return best?.rule;
}

/** The rules with this one added, replacing any rule for the same site. Null when the site is none. */
export function withRule(rules: readonly SiteRule[], rule: SiteRule): SiteRule[] | null {
  const site = normaliseSite(rule.site);
  if (!site) return null;
  return [...rules.filter((other) => normaliseSite(other.site) !== site), { ...rule, site }];
}

/** The rules without the one for this site. */
export function withoutRule(rules: readonly SiteRule[], site: string): SiteRule[] {
  const gone = normaliseSite(site) ?? site;
  return rules.filter((rule) => (normaliseSite(rule.site) ?? rule.site) !== gone);
}

/** The rules with one rule's site changed; null when the new site is none or another rule has it. */
export function withSiteChanged(rules: readonly SiteRule[], from: string, to: string): SiteRule[] | null {
  const next = normaliseSite(to);
  if (!next) return null;
  const old = normaliseSite(from) ?? from;
  if (next !== old && rules.some((rule) => normaliseSite(rule.site) === next)) return null;
  return rules.map((rule) => ((normaliseSite(rule.site) ?? rule.site) === old ? { ...rule, site: next } : rule));
}

/**
 * Where a menu item for the site shows: the browser's match patterns for its pages. They cannot
 * name a port in Firefox (and match every port when they name none), so a port is left out: a
 * rule for localhost:3000 lists its channel on every port of localhost. Patterns match path and
 * query, so a path prefix needs three: the prefix itself, below it, and itself with a query.
 */
export function sitePatterns(text: string): string[] {
  const site = parseSite(text);
  if (!site) return [];
  // "www." is only ever a subdomain of a name; an address or a single label has none.
  const named = site.host.includes('.') && !/^[\d.]+$/.test(site.host) && !site.host.startsWith('[');
  const hosts = named ? [site.host, `www.${site.host}`] : [site.host];
  const paths = site.path ? [site.path, `${site.path}/*`, `${site.path}?*`] : ['/*'];
  return hosts.flatMap((host) => paths.map((path) => `*://${host}${path}`));
}

/** A rule's target as the menus list it first, on the pages of its sites. */
export interface SiteMenuTarget {
  key: string;
  label: string;
  documentUrlPatterns: string[];
}

/**
 * One menu entry per target that rules name, with every site it is the rule for, the most
 * specific rules first: where two rules match a page, the one that wins is listed first.
 */
export function siteMenuTargets(rules: readonly SiteRule[]): SiteMenuTarget[] {
  const ranked = rules
    .flatMap((rule) => {
      const site = parseSite(rule.site);
      return site ? [{ rule, weight: weight(site) }] : [];
    })
    .sort((a, b) => b.weight - a.weight);
  const targets = new Map<string, SiteMenuTarget>();
  for (const { rule } of ranked) {
    const patterns = sitePatterns(rule.site);
    const known = targets.get(rule.key);
    if (known) known.documentUrlPatterns.push(...patterns.filter((p) => !known.documentUrlPatterns.includes(p)));
    else targets.set(rule.key, { key: rule.key, label: rule.label, documentUrlPatterns: patterns });
  }
  return [...targets.values()];
}

/** What the directory says of a rule's target: enough of a Target (lib/directory/target.ts). */
export interface ListedTarget {
  kind: string;
  isMember?: boolean;
  archived?: boolean;
}

/**
 * Whether a rule's target can still be sent to, as the cached directory lists it: 'gone' when the
 * directory no longer has it (archived channels and private channels left drop out at the next
 * refresh), 'left' for a channel it lists without the membership; null when it can.
 */
export function ruleTrouble(listed: ListedTarget | undefined): 'gone' | 'left' | null {
  if (!listed || listed.archived) return 'gone';
  if ((listed.kind === 'channel' || listed.kind === 'private') && !listed.isMember) return 'left';
  return null;
}

/** The sentence for a rule's trouble, naming its target. */
export function troubleSentence(rule: Pick<SiteRule, 'label'>, trouble: 'gone' | 'left'): string {
  return trouble === 'gone'
    ? `${rule.label} is no longer in your channels: it was archived, or left.`
    : `${rule.label} was left: Courier is not a member of it any more.`;
}
