// A site as host permissions name it: scheme and host name, any port, any path.

/** The match pattern a host permission for the URL's site is asked and checked with. */
export function sitePattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** "cdn.example.com" from a site pattern. */
export function siteHost(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}

/** Whether a string is such a pattern (what a page may ask the browser for on a site's behalf). */
export const isSitePattern = (value: string) => /^https?:\/\/[^/*\s]+\/\*$/.test(value);
