import { describe, expect, it } from 'vitest';
import { pad2 } from '../../domain/local-date.ts';
import { DAYS_PER_SHEET, sheetDayGroups } from './training-print.tsx';

describe('sheetDayGroups', () => {
  const days = (n: number) => Array.from({ length: n }, (_, i) => `2020-03-${pad2(i + 1)}`);

  it('keeps up to five days on one sheet', () => {
    expect(DAYS_PER_SHEET).toBe(5);
    expect(sheetDayGroups(days(1))).toEqual([days(1)]);
    expect(sheetDayGroups(days(5))).toEqual([days(5)]);
  });

  it('continues longer trainings five days at a time, in order', () => {
    const groups = sheetDayGroups(days(12));
    expect(groups.map((g) => g.length)).toEqual([5, 5, 2]);
    expect(groups.flat()).toEqual(days(12));
  });
});
