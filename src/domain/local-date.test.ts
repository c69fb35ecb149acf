import { describe, expect, it } from 'vitest';
import { clockTime, isoDay, pad2 } from './local-date.ts';

describe('local dates and times', () => {
  it('write a day and a time in local time with two-digit fields', () => {
    const moment = new Date(2026, 2, 7, 9, 5);
    expect(isoDay(moment)).toBe('2026-03-07');
    expect(clockTime(moment)).toBe('09:05');
    expect(pad2(12)).toBe('12');
  });
});
