import { describe, expect, it } from 'vitest';
import { uploadFraction, uploadKey } from './upload-progress';

describe('uploadFraction', () => {
  it('is indeterminate before anything can be measured', () => {
    expect(uploadFraction(undefined)).toBeUndefined();
    expect(uploadFraction({ done: 0, count: 2, sent: 0, total: 0 })).toBeUndefined();
    expect(uploadFraction({ done: 0, count: 0, sent: 0, total: 0 })).toBeUndefined();
  });

  it('spreads the bytes of the current target over its share of the job', () => {
    expect(uploadFraction({ done: 0, count: 1, sent: 50, total: 200 })).toBe(0.25);
    expect(uploadFraction({ done: 1, count: 2, sent: 100, total: 100 })).toBe(1);
    expect(uploadFraction({ done: 1, count: 2, sent: 0, total: 0 })).toBe(0.5);
  });

  it('never passes the end', () => {
    expect(uploadFraction({ done: 2, count: 2, sent: 9, total: 1 })).toBe(1);
  });
});

describe('uploadKey', () => {
  it('names the storage key of one upload', () => {
    expect(uploadKey('abc')).toBe('upload:abc');
  });
});
