import { expect, it } from 'vitest';
import { isSlackFileUrl, isSlackWebUrl } from './hosts';

it('accepts upload URLs only on https Slack file hosts or the base origin', () => {
  const base = 'https://slack.com';
  expect(isSlackFileUrl('https://files.slack.com/upload/v1/abc', base)).toBe(true);
  expect(isSlackFileUrl('http://files.slack.com/upload/v1/abc', base)).toBe(false);
  expect(isSlackFileUrl('https://files.slack.com.evil.example/upload', base)).toBe(false);
  expect(isSlackFileUrl('https://evil.example/upload', base)).toBe(false);
  expect(isSlackFileUrl('https://user@files.slack.com/upload', base)).toBe(false);
  expect(isSlackFileUrl('https://files.slack-gov.com/upload/v1/abc', 'https://slack-gov.com')).toBe(true);
  expect(isSlackFileUrl('http://127.0.0.1:4000/upload/v1/abc', 'http://127.0.0.1:4000')).toBe(true);
  expect(isSlackFileUrl('http://127.0.0.1:4001/upload/v1/abc', 'http://127.0.0.1:4000')).toBe(false);
  expect(isSlackFileUrl('not a url', base)).toBe(false);
});

it('accepts web links only on https workspace hosts or the base origin', () => {
  const base = 'https://slack.com';
  expect(isSlackWebUrl('https://acme.slack.com/archives/C1/p1', base)).toBe(true);
  expect(isSlackWebUrl('https://acme.enterprise.slack.com/', base)).toBe(true);
  expect(isSlackWebUrl('javascript:alert(1)', base)).toBe(false);
  expect(isSlackWebUrl('http://acme.slack.com/archives/C1/p1', base)).toBe(false);
  expect(isSlackWebUrl('https://evilslack.com/', base)).toBe(false);
  expect(isSlackWebUrl('https://acme.slack.com:8443/', base)).toBe(false);
  expect(isSlackWebUrl('https://acme.slack.com/archives/C1/p1', 'http://127.0.0.1:4000')).toBe(true);
  expect(isSlackWebUrl('https://evil.example/?.slack.com/', 'http://127.0.0.1:4000')).toBe(false);
});
