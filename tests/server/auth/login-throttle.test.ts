import { describe, expect, it } from 'vitest';
import { DEFAULT_LOGIN_LIMITS, loginWaitMs } from '../../../server/auth/login-throttle.ts';

const limits = { firstDelayMs: 1_000, maxDelayMs: 8_000 };

describe('loginWaitMs', () => {
  it('lets the free failures through without waiting', () => {
    expect(loginWaitMs([], 3, 10_000, limits)).toBe(0);
    expect(loginWaitMs([9_000, 9_500], 3, 10_000, limits)).toBe(0);
  });

  it('then doubles the wait after the latest failure, up to the cap', () => {
    const failures = (n: number) => Array.from({ length: n }, (_, i) => 1_000 + i);
    const wait = (n: number) => loginWaitMs(failures(n), 3, 1_000 + n - 1, limits);
    expect([3, 4, 5, 6, 7, 60].map(wait)).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
  });

  it('is over once the wait has passed', () => {
    expect(loginWaitMs([0, 1, 2], 3, 1_002, limits)).toBe(0);
  });

  it('allows 5 failures per account and caps the wait at 5 minutes by default', () => {
    expect(DEFAULT_LOGIN_LIMITS).toMatchObject({ perAccount: 5, maxDelayMs: 300_000 });
  });
});
