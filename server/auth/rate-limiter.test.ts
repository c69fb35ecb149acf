import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rate-limiter.ts';

function clock() {
  let at = Date.parse('2025-03-01T08:00:00Z');
  return { now: () => new Date(at), advance: (ms: number) => (at += ms) };
}

describe('SlidingWindowLimiter', () => {
  it('refuses after max hits and frees up as the oldest leaves the window', () => {
    const time = clock();
    const limiter = new SlidingWindowLimiter({ max: 3, windowMs: 60_000 }, time.now);
    limiter.hit('k');
    time.advance(10_000);
    limiter.hit('k');
    limiter.hit('k');
    expect(limiter.retryAfterMs('k')).toBe(50_000);
    expect(limiter.retryAfterMs('other')).toBe(0);
    time.advance(50_000);
    expect(limiter.retryAfterMs('k')).toBe(0);
    limiter.hit('k');
    // The two hits at 10 s are still in the window: blocked until they leave.
    expect(limiter.retryAfterMs('k')).toBe(10_000);
  });

  it('forgets a key when cleared', () => {
    const limiter = new SlidingWindowLimiter({ max: 1, windowMs: 60_000 });
    limiter.hit('k');
    expect(limiter.retryAfterMs('k')).toBeGreaterThan(0);
    limiter.clear('k');
    expect(limiter.retryAfterMs('k')).toBe(0);
  });

  it('keeps at most maxKeys keys, dropping the least recent', () => {
    const time = clock();
    const limiter = new SlidingWindowLimiter({ max: 1, windowMs: 60_000 }, time.now, 2);
    limiter.hit('a');
    limiter.hit('b');
    limiter.hit('c');
    expect(limiter.retryAfterMs('a')).toBe(0);
    expect(limiter.retryAfterMs('b')).toBeGreaterThan(0);
    expect(limiter.retryAfterMs('c')).toBeGreaterThan(0);
  });
});
