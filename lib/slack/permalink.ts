/**
 * A message's permalink in the shape chat.getPermalink answers, from the workspace URL auth.test
 * gives (e.g. https://acme.slack.com/): a send to many targets then needs no second round trip per
 * message. Thread replies carry their thread and channel, as Slack's own links do.
 */
export function permalinkFor(teamUrl: string, channel: string, ts: string, threadTs?: string): string {
  const root = teamUrl.endsWith('/') ? teamUrl : `${teamUrl}/`;
  const link = `${root}archives/${channel}/p${ts.replace('.', '')}`;
  return threadTs && threadTs !== ts ? `${link}?thread_ts=${threadTs}&cid=${channel}` : link;
}
