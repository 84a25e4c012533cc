// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { encodeBase64Url, randomBase64Url } from './base64url';

const ascii = (text: string) => new TextEncoder().encode(text);

describe('base64url', () => {
  it('encodes the RFC 4648 test vectors without padding', () => {
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map((text) => encodeBase64Url(ascii(text)))).toEqual([
      '',
      'Zg',
      'Zm8',
      'Zm9v',
      'Zm9vYg',
      'Zm9vYmE',
      'Zm9vYmFy',
    ]);
  });

  it('uses - and _ where base64 has + and /', () => {
    // Plain base64 of these bytes is "+/8=".
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('draws from the CSPRNG', () => {
    const first = randomBase64Url(32);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomBase64Url(32)).not.toBe(first);
  });
});
