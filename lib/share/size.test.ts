import { describe, expect, it } from 'vitest';
import { formatSize } from './size';

describe('formatSize', () => {
  it('says bytes, then KB, MB, GB with one decimal', () => {
    expect(formatSize(1)).toBe('1 byte');
    expect(formatSize(512)).toBe('512 bytes');
    expect(formatSize(50_000)).toBe('48.8 KB');
    expect(formatSize(3_250_000)).toBe('3.1 MB');
  });
});
