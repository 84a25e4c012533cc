/**
 * Links that land on the quoted text: a text fragment (`#:~:text=`, WICG's "URL Fragment Text
 * Directives", shipped by Chromium and Safari, Firefox since 131) built from a selection. Short
 * quotes on one line are matched exactly; longer ones, or ones spanning lines (browsers match an
 * exact quote within one block), by their first and last words. A prefix tells a start that occurs
 * more than once apart; like every term it is matched within one block, so only its last line
 * counts. A fragment the URL had stays in front of the directive, where pages still read it; a
 * directive it had is replaced.
 */

/** An exact quote up to this long; beyond it the start and end phrases are shorter to match. */
const EXACT_MAX = 150;
const EDGE_WORDS = 5;
const PREFIX_WORDS = 3;
/** Browsers match whole words: a term longer than this (a run with no spaces) makes no fragment. */
const TERM_MAX = 100;

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** One term: percent-encoded, with `-`, `&` and `,` (the directive's own syntax) encoded too. */
export function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/** The directive's value for a selection (`an%20example,text%20fragment`), or '' for none. */
export function textDirective(selection: string, prefix?: string): string {
  const lines = selection
    .split(/\n+/)
    .map((line) => words(line).join(' '))
    .filter(Boolean);
  const flat = lines.join(' ');
  if (!flat) return '';
  const all = words(flat);
  let terms: string[];
  if (lines.length === 1 && flat.length <= EXACT_MAX) terms = [flat];
  else if (all.length <= EDGE_WORDS * 2 && lines.length === 1) terms = [flat];
  else {
    const first = words(lines[0]!);
    const last = words(lines.at(-1)!);
    const start = (lines.length > 1 ? first : all).slice(0, EDGE_WORDS);
    const end = (lines.length > 1 ? last : all).slice(-EDGE_WORDS);
    terms = [start.join(' '), end.join(' ')];
  }
  if (terms.some((term) => term.length > TERM_MAX)) return '';
  // A prefix is matched within one block, as every term is: only the words of its last line count.
  const context = (prefix ?? '').split(/\n/).filter((line) => words(line).length);
  const before = words(context.at(-1) ?? '')
    .slice(-PREFIX_WORDS)
    .join(' ');
  return [before ? `${encodeTerm(before)}-` : '', ...terms.map(encodeTerm)].filter(Boolean).join(',');
}

/** The page's address that scrolls to and highlights the selection; the plain address when none can be made. */
export function linkToQuote(pageUrl: string, selection: string, prefix?: string): string {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return pageUrl;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return pageUrl;
  const directive = textDirective(selection, prefix);
  if (!directive) return pageUrl;
  const kept = url.hash.slice(1).split(':~:')[0] ?? '';
  url.hash = '';
  return `${url.href}#${kept}:~:text=${directive}`;
}
