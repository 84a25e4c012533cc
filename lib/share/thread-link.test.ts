// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseThreadLink } from './thread-link';

describe('parseThreadLink', () => {
  it('reads a message link', () => {
    expect(parseThreadLink('https://acme.slack.com/archives/C0GENERAL1/p1700000000000100')).toEqual({
      channel: 'C0GENERAL1',
      ts: '1700000000.000100',
    });
  });

  it("replies in the parent thread when the link is a reply's", () => {
    expect(
      parseThreadLink('https://acme.slack.com/archives/C01/p1700000005000200?thread_ts=1700000000.000100&cid=C01'),
    ).toEqual({ channel: 'C01', ts: '1700000000.000100' });
  });

  it.each([
    '',
    'not a link',
    'https://acme.slack.com/archives/C01',
    'javascript:alert(1)',
    'https://x/archives/C01/p17',
  ])('refuses %j', (link) => {
    expect(parseThreadLink(link)).toBeNull();
  });
});
