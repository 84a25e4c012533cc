// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { challengeFor, createVerifier } from './pkce';

// RFC 7636 Appendix B: the 32 octets behind the example verifier.
const RFC_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91,
  88, 5, 88, 83, 132, 141, 121,
];
const RFC_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('PKCE', () => {
  it("matches Slack's worked example", async () => {
    await expect(challengeFor('secretpassword')).resolves.toBe('ldMBaaWcQYtSATMV_IG8mf3wp7A6EW80arYoSW80ntU');
  });

  // The RFC's value; "E9cXs2OF…KMk", quoted in some notes as this vector, is not it.
  it('matches RFC 7636 Appendix B', async () => {
    await expect(challengeFor(RFC_VERIFIER)).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('builds the verifier from 32 CSPRNG octets, as in the RFC example', () => {
    vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      if (array instanceof Uint8Array) array.set(RFC_OCTETS);
      return array;
    });
    expect(createVerifier()).toBe(RFC_VERIFIER);
  });

  it('creates fresh verifiers in the RFC 7636 character set and length', () => {
    const verifiers = new Set(Array.from({ length: 20 }, createVerifier));
    expect(verifiers.size).toBe(20);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
  });
});
