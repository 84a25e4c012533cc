import { describe, expect, it } from 'vitest';
import { explainTransport } from '../slack/explain';
import { whatHappened } from './waiting-reason';

describe('whatHappened', () => {
  it('drops the advice to try again from a 5xx sentence: Courier retries by itself', () => {
    expect(whatHappened(explainTransport('http_error', { status: 503 }))).toBe(
      'Slack is having trouble right now (HTTP 503).',
    );
  });

  it('keeps advice the person can follow, without "then try again"', () => {
    expect(whatHappened(explainTransport('network'))).toBe("Courier can't reach Slack. Check that you're online.");
  });

  it('drops a countdown that would go stale ("Try again in 30 s")', () => {
    expect(whatHappened(explainTransport('rate_limited', { retryAfter: 30 }))).toBe(
      'Slack is limiting how often Courier may call it.',
    );
  });

  it('leaves a sentence without advice as it is', () => {
    expect(whatHappened('Slack refused with "channel_not_found".')).toBe('Slack refused with "channel_not_found".');
  });
});
