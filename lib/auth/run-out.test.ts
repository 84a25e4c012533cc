// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { hasRunOut, PKCE_REFRESH_LIFETIME_MS, refreshLifetimeMs, RUN_OUT_WARNING_MS, runOutSoon } from './run-out';

const DAY = 86_400_000;
const END = 1_800_000_000_000;

describe('run-out', () => {
  it('gives refresh tokens 30 days for a public client (PKCE) and no end for a confidential one', () => {
    expect(PKCE_REFRESH_LIFETIME_MS).toBe(30 * DAY);
    expect(refreshLifetimeMs('public')).toBe(30 * DAY);
    expect(refreshLifetimeMs('confidential')).toBeUndefined();
  });

  it('is soon from 3 days before the end, and stays so after it', () => {
    expect(RUN_OUT_WARNING_MS).toBe(3 * DAY);
    const chain = { refreshExpiresAt: END };
    expect(runOutSoon(chain, END - 3 * DAY - 1)).toBeUndefined();
    expect(runOutSoon(chain, END - 3 * DAY)).toBe(END);
    expect(runOutSoon(chain, END + DAY)).toBe(END);
  });

  it('is never soon for a chain with no known end, or one already dead', () => {
    expect(runOutSoon({}, END)).toBeUndefined();
    expect(
      runOutSoon({ refreshExpiresAt: END, dead: { code: 'invalid_refresh_token', at: END } }, END),
    ).toBeUndefined();
  });

  it('has run out from the end on', () => {
    expect(hasRunOut({ refreshExpiresAt: END }, END - 1)).toBe(false);
    expect(hasRunOut({ refreshExpiresAt: END }, END)).toBe(true);
    expect(hasRunOut({}, END)).toBe(false);
  });
});
