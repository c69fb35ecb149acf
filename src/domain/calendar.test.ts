import { describe, expect, it } from 'vitest';
import { clockTime, isoDay, pad2 } from './calendar.ts';

describe('calendar', () => {
  it('writes local days and times with two-digit parts', () => {
    const morning = new Date(2026, 0, 5, 7, 3);
    expect(isoDay(morning)).toBe('2026-01-05');
    expect(clockTime(morning)).toBe('07:03');
    expect(pad2(12)).toBe('12');
  });
});
