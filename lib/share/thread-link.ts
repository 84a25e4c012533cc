import { CourierFailure } from '../errors';
/** The message a Slack link points at: its channel and the thread to reply in. */
export interface ThreadRef {
  channel: string;
  ts: string;
}

/**
 * Reads a message link as Slack's "Copy link" gives it, e.g.
 * https://acme.slack.com/archives/C0123/p1700000000000100 (a reply's link carries its parent in
 * ?thread_ts=). Returns null for anything else.
 */
export function parseThreadLink(link: string): ThreadRef | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const match = /\/archives\/([A-Z0-9]+)\/p(\d{10})(\d{6})\/?$/.exec(url.pathname);
  if (!match) return null;
  const [, channel, seconds, micros] = match;
  const parent = url.searchParams.get('thread_ts');
  const ts = parent && /^\d{10}\.\d{6}$/.test(parent) ? parent : `${seconds}.${micros}`;
  return { channel: channel!, ts };
}

/** The thread a pasted message link names, or undefined without one; a bad link is refused. */
export function threadFrom(threadLink: string | undefined): ThreadRef | undefined {
  if (!threadLink?.trim()) return undefined;
  const thread = parseThreadLink(threadLink);
  if (!thread) {
    throw new CourierFailure(
      'invalid_input',
      'That is not a Slack message link. In Slack, use "Copy link" on the message and paste it here.',
    );
  }
  return thread;
}
