import { describe, expect, it } from 'vitest';
import { STORAGE_FULL, STORAGE_FULL_WAITING } from '../errors';
import { SlackApiError, SlackTransportError } from '../slack/errors';
import { whatHappened } from './waiting-reason';

const said = (error: SlackApiError | SlackTransportError) => whatHappened(error, error.sentence);

describe('whatHappened', () => {
  it('drops the advice to try again from a 5xx sentence: Courier retries by itself', () => {
    expect(said(new SlackTransportError('chat.postMessage', 'http_error', { status: 503 }))).toBe(
      'Slack is having trouble right now (HTTP 503).',
    );
  });

  it('keeps advice the person can follow, without "then try again"', () => {
    expect(said(new SlackTransportError('chat.postMessage', 'network'))).toBe(
      "Courier can't reach Slack. Check that you're online.",
    );
  });

  it('drops a countdown that would go stale ("Try again in 30 s")', () => {
    expect(said(new SlackTransportError('chat.postMessage', 'rate_limited', { retryAfter: 30 }))).toBe(
      'Slack is limiting how often Courier may call it.',
    );
  });

  it("drops it from Slack's codes for its own trouble", () => {
    const error = new SlackApiError('chat.postMessage', 'internal_error');
    expect(error.sentence).toBe('Slack is having trouble right now. Wait a moment and try again.');
    expect(said(error)).toBe('Slack is having trouble right now.');
  });

  it('keeps advice that is not about waiting', () => {
    expect(said(new SlackApiError('chat.postMessage', 'token_expired'))).toBe(
      "This workspace's token expired and could not be renewed. Reconnect it if this keeps happening.",
    );
  });

  it('says a full disk without "then try again"', () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(whatHappened(quota, STORAGE_FULL)).toBe(STORAGE_FULL_WAITING);
    expect(STORAGE_FULL_WAITING).not.toMatch(/try again/);
  });

  it('leaves a sentence without advice as it is', () => {
    expect(said(new SlackApiError('chat.postMessage', 'some_new_code'))).toBe('Slack refused with "some_new_code".');
    expect(whatHappened(new Error('x'), 'Courier will retry.')).toBe('Courier will retry.');
  });
});
