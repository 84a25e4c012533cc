/**
 * Shares to Slack message text. Pure: no browser, no network.
 *
 * Slack reads `&`, `<` and `>` as control characters in mrkdwn (`<url|label>`, `<!channel>`,
 * `<@U…>`), so everything that comes from a page or a person is entity-escaped and only the links
 * built here use raw angle brackets. A page titled `<!channel>` therefore shows as that text and
 * pings nobody. Plain `@channel` is only turned into a mention with `link_names` or `parse: full`,
 * which Courier never sends.
 */
import {
  webUrl,
  type FileShare,
  type ImageShare,
  type ScreenshotShare,
  type SelectionShare,
  type Share,
  type UploadShare,
} from './share';
import type { Fetched } from './filename';
import { filenameFromUrl, uploadFilename } from './filename';
import { linkToQuote } from './text-fragment';

/** Slack cuts (or refuses) message text beyond this. */
export const SLACK_TEXT_LIMIT = 40_000;
/**
 * What Courier aims for. Slack recommends it, and chat.update (the composer's Edit after a send)
 * refuses longer text with msg_too_long.
 */
export const TEXT_BUDGET = 4_000;
/** A long comment never squeezes the quote below this many characters. */
const MIN_QUOTE = 1_000;
/** Link labels and titles longer than this are shortened. */
const LABEL_MAX = 250;
const FALLBACK_MAX = 200;
const ELLIPSIS = '…';

export interface FormattedMessage {
  /** mrkdwn for chat.postMessage `text`. */
  text: string;
  blocks?: unknown[];
  unfurl_links: boolean;
  unfurl_media: boolean;
  /** Set when part of the share was cut to fit; `notice` says so in a sentence for the composer. */
  truncated?: { kept: number; total: number; notice: string };
}

export interface UploadPlan {
  /** For files.getUploadURLExternal: sanitized, with an extension. */
  filename: string;
  /** For files.completeUploadExternal `files[].title`: plain text. */
  title: string;
  /** mrkdwn for files.completeUploadExternal `initial_comment`; absent when there is nothing to say. */
  initialComment?: string;
  /** For files.getUploadURLExternal `alt_txt` (Slack allows 1000 characters). */
  altText?: string;
}

// ---------------------------------------------------------------------------------------------
// Escaping and links

/** Escapes Slack's three control characters; nothing else (Slack does not decode other entities). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The URL part of `<url|label>`. The URL parser has already percent-encoded spaces, quotes and
 * angle brackets; `|` would end the URL early, so it is encoded too. `&` stays raw, as Slack's own
 * clients and SDKs send it.
 */
function linkTarget(url: string): string {
  return url.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
}

/**
 * A link label: one line, escaped. A `|` inside the label is left alone: Slack splits a link at its
 * first `|`, which is always the one written here after the URL.
 */
function linkLabel(label: string): string {
  return escapeMrkdwn(shorten(oneLine(label), LABEL_MAX));
}

/**
 * `<url|label>`, or only the escaped label when the URL is not http(s), so a `javascript:` or
 * `data:` address is never made clickable. Empty when there is neither.
 */
export function mrkdwnLink(url: string | undefined, label?: string): string {
  const safe = webUrl(url);
  const text = label ? oneLine(label) : '';
  if (!safe) return text ? linkLabel(text) : '';
  if (!text || text === safe || text === url) return `<${linkTarget(safe)}>`;
  return `<${linkTarget(safe)}|${linkLabel(text)}>`;
}

// ---------------------------------------------------------------------------------------------
// Text helpers

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Cuts to at most `max` characters (code points, so no emoji is split), adding an ellipsis. */
function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const start = chars.slice(0, max - 1).join('');
  return start.trimEnd() + ELLIPSIS;
}

/** Line endings unified, trailing spaces dropped, runs of blank lines folded into one. */
function normalizeBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/**
 * The longest start of `raw` whose escaped form, plus an ellipsis, fits in `room` characters. Cuts
 * at a word boundary when one is reasonably close, and never inside an entity or an emoji. Returns
 * the raw (unescaped) start.
 */
function fitRaw(raw: string, room: number): string {
  let used = ELLIPSIS.length;
  let cut = '';
  for (const ch of raw) {
    const cost = escapeMrkdwn(ch).length;
    if (used + cost > room) break;
    used += cost;
    cut += ch;
  }
  const space = cut.lastIndexOf(' ');
  if (space > cut.length * 0.8) cut = cut.slice(0, space);
  return cut.trimEnd();
}

function join(parts: string[]): string {
  return parts.filter(Boolean).join('\n');
}

/**
 * The person's comment, escaped: they typed plain text (a `<` is a less-than sign), but mrkdwn such
 * as *bold* still works. Cut only when it alone would break Slack's hard limit.
 */
function commentText(share: Share, room: number): string {
  const raw = share.comment ? normalizeBlock(share.comment) : '';
  if (!raw) return '';
  const escaped = escapeMrkdwn(raw);
  return escaped.length <= room ? escaped : escapeMrkdwn(fitRaw(raw, room)) + ELLIPSIS;
}

const count = (n: number) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// Quoting

interface Quote {
  text: string;
  kept: number;
  total: number;
}

/**
 * Every line prefixed with `> ` so the whole selection is one quote; an empty line becomes `> ` too
 * (not a bare line, which would end the quote). Cut to `room` characters at a line or word boundary.
 */
export function quoteBlock(raw: string, room: number): Quote {
  const text = normalizeBlock(raw);
  const total = Array.from(text).length;
  const out: string[] = [];
  let used = 0;
  let kept = 0;
  for (const line of text.split('\n')) {
    const newline = out.length ? 1 : 0;
    const rendered = `> ${escapeMrkdwn(line)}`;
    if (used + newline + rendered.length <= room) {
      out.push(rendered);
      used += newline + rendered.length;
      kept += newline + Array.from(line).length;
      continue;
    }
    // This line does not fit whole: keep the start of it if that is worth it, then stop.
    const part = fitRaw(line, room - used - newline - 2);
    if (Array.from(part).length >= 10) {
      out.push(`> ${escapeMrkdwn(part)}${ELLIPSIS}`);
      kept += newline + Array.from(part).length;
    } else if (out.length) {
      out[out.length - 1] += ELLIPSIS;
    } else {
      out.push(`> ${ELLIPSIS}`);
    }
    return { text: out.join('\n'), kept, total };
  }
  return { text: out.join('\n'), kept, total };
}

function formatSelection(share: SelectionShare): FormattedMessage {
  // The source links to the quote itself: the reader lands on it, highlighted.
  const source = mrkdwnLink(linkToQuote(share.pageUrl, share.text, share.prefix), share.pageTitle || share.pageUrl);
  const sourceLine = source ? `— ${source}` : '';
  const tail = sourceLine.length + 100; // the source line and a possible "shortened" note
  const head = commentText(share, SLACK_TEXT_LIMIT - tail - MIN_QUOTE - 2);
  const room = Math.max(MIN_QUOTE, TEXT_BUDGET - tail - (head ? head.length + 1 : 0));
  const quote = quoteBlock(share.text, room);
  const message: FormattedMessage = {
    text: '',
    // The quote is the content: a preview of the source page would dwarf it.
    unfurl_links: false,
    unfurl_media: false,
  };
  let note = '';
  if (quote.kept < quote.total) {
    const notice = `The selection was shortened to ${count(quote.kept)} of ${count(quote.total)} characters to fit one Slack message.`;
    message.truncated = { kept: quote.kept, total: quote.total, notice };
    note = `_Quote shortened: ${count(quote.kept)} of ${count(quote.total)} characters._`;
  }
  message.text = join([head, quote.text, note, sourceLine]);
  return message;
}

// ---------------------------------------------------------------------------------------------
// Messages

function fromLine(pageUrl: string | undefined, pageTitle: string | undefined, except?: string): string {
  const safe = webUrl(pageUrl);
  if (!safe || safe === webUrl(except)) return '';
  return `from ${mrkdwnLink(safe, pageTitle || safe)}`;
}

/** The rest of a message besides the comment; short by construction. */
function withComment(share: Share, body: string): string {
  return join([commentText(share, SLACK_TEXT_LIMIT - body.length - 1), body]);
}

/**
 * The chat.postMessage parameters for a share (besides channel, thread_ts and metadata, which the
 * target and the outbox add). Images and files are normally uploaded (see `uploadPlan`); their
 * message here is the link fallback for when an upload is not possible or not wanted, such as a
 * scheduled message.
 */
export function formatShare(share: Share): FormattedMessage {
  switch (share.kind) {
    case 'page':
      return {
        text: withComment(share, mrkdwnLink(share.url, share.title || share.url)),
        unfurl_links: true,
        unfurl_media: true,
      };
    case 'link': {
      const body = join([
        mrkdwnLink(share.url, share.text || share.url),
        fromLine(share.pageUrl, share.pageTitle, share.url),
      ]);
      return { text: withComment(share, body), unfurl_links: true, unfurl_media: true };
    }
    case 'selection':
      return formatSelection(share);
    case 'image': {
      const body = join([
        mrkdwnLink(share.srcUrl, share.alt || filenameFromUrl(share.srcUrl) || share.srcUrl),
        fromLine(share.pageUrl, share.pageTitle, share.srcUrl),
      ]);
      return { text: withComment(share, body), unfurl_links: false, unfurl_media: true };
    }
    case 'file': {
      const body = join([
        mrkdwnLink(share.url, share.linkText || filenameFromUrl(share.url) || share.url),
        fromLine(share.pageUrl, share.pageTitle, share.url),
      ]);
      return { text: withComment(share, body), unfurl_links: true, unfurl_media: true };
    }
    case 'screenshot':
      // Only uploaded; as text it is the page it shows.
      return {
        text: withComment(share, `Screenshot of ${mrkdwnLink(share.pageUrl, share.pageTitle || share.pageUrl)}`),
        unfurl_links: false,
        unfurl_media: false,
      };
  }
}

/**
 * One plain line for notifications and history: no mrkdwn, no entities, no comment, at most 200
 * characters.
 */
export function fallbackText(share: Share): string {
  const host = (url: string | undefined) => {
    const safe = webUrl(url);
    return safe ? new URL(safe).host : '';
  };
  let line: string;
  switch (share.kind) {
    case 'page':
      line = share.title ? `${oneLine(share.title)} — ${share.url}` : share.url;
      break;
    case 'link':
      line = share.text && oneLine(share.text) !== share.url ? `${oneLine(share.text)} — ${share.url}` : share.url;
      break;
    case 'selection': {
      const quoted = `“${shorten(oneLine(share.text), 120)}”`;
      const source = oneLine(share.pageTitle) || host(share.pageUrl);
      line = source ? `${quoted} — ${source}` : quoted;
      break;
    }
    case 'image':
    case 'file': {
      const name = share.kind === 'image' ? 'Image' : filenameFromUrl(share.url) || 'File';
      const source = oneLine(share.pageTitle ?? '') || host(share.pageUrl);
      line = source ? `${name} from ${source}` : name;
      break;
    }
    case 'screenshot': {
      const source = oneLine(share.pageTitle ?? '') || host(share.pageUrl);
      line = source ? `Screenshot of ${source}` : 'Screenshot';
      break;
    }
  }
  return shorten(oneLine(line), FALLBACK_MAX);
}

// ---------------------------------------------------------------------------------------------
// Uploads

/** A screenshot's name: the page's host and the moment, e.g. screenshot-example.com-2026-12-07-1530.png. */
function screenshotPlan(share: ScreenshotShare, takenAt: Date): UploadPlan {
  const safe = webUrl(share.pageUrl);
  const host = safe ? new URL(safe).hostname.replace(/[^a-z0-9.-]/gi, '') : '';
  const pad = (n: number) => String(n).padStart(2, '0');
  const at = `${takenAt.getFullYear()}-${pad(takenAt.getMonth() + 1)}-${pad(takenAt.getDate())}-${pad(takenAt.getHours())}${pad(takenAt.getMinutes())}`;
  const filename = `screenshot-${host ? `${host}-` : ''}${at}.png`;
  const named = shorten(oneLine(share.pageTitle ?? ''), LABEL_MAX - 14);
  // The file's comment says what it shows: the page's title, linked to the page.
  const source = safe ? `Screenshot of ${mrkdwnLink(safe, share.pageTitle || safe)}` : '';
  const initialComment = join([commentText(share, TEXT_BUDGET - source.length - 1), source]);
  return {
    filename,
    title: named ? `Screenshot of ${named}` : 'Screenshot',
    ...(initialComment ? { initialComment } : {}),
  };
}

function uploadTitle(share: ImageShare | FileShare, filename: string): string {
  const named = share.kind === 'image' ? share.alt : share.linkText;
  return shorten(oneLine(named ?? ''), LABEL_MAX) || filename;
}

/**
 * How an image or file share is uploaded: its name and title, and the comment posted with it (the
 * person's comment, then where it came from). Call again with the response headers once fetched
 * to get a better name.
 */
export function uploadPlan(share: UploadShare, fetched: Fetched = {}, takenAt = new Date()): UploadPlan {
  if (share.kind === 'screenshot') return screenshotPlan(share, takenAt);
  const filename = uploadFilename(share, fetched);
  const url = share.kind === 'image' ? share.srcUrl : share.url;
  const source =
    fromLine(share.pageUrl, share.pageTitle, url) || (webUrl(url) ? `from ${mrkdwnLink(url, new URL(url).host)}` : '');
  const initialComment = join([commentText(share, TEXT_BUDGET - source.length - 1), source]);
  const plan: UploadPlan = { filename, title: uploadTitle(share, filename) };
  if (initialComment) plan.initialComment = initialComment;
  if (share.kind === 'image' && share.alt && oneLine(share.alt)) plan.altText = shorten(oneLine(share.alt), 1000);
  return plan;
}
