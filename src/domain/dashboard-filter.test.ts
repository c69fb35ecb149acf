import { describe, expect, it } from 'vitest';
import { T, TERRITORIES } from '../testing/dashboard-fixtures.ts';
import { inPeriod, matchesFilter, quarterOf, scopeOf } from './dashboard-filter.ts';
import { buildTerritoryTree } from './territory-tree.ts';

const tree = buildTerritoryTree(TERRITORIES, 'en');

describe('dashboard filter', () => {
  it('groups dates by calendar quarter', () => {
    expect(['2025-01-01', '2025-03-31', '2025-04-01', '2024-12-31'].map(quarterOf)).toEqual([
      '2025-Q1',
      '2025-Q1',
      '2025-Q2',
      '2024-Q4',
    ]);
  });

  it('includes both ends of the period', () => {
    const period = { from: '2025-01-01', to: '2025-01-31' };
    expect(
      ['2024-12-31', '2025-01-01', '2025-01-31', '2025-02-01'].map((d) => inPeriod(d, period)),
    ).toEqual([false, true, true, false]);
  });

  it('limits consultants to their districts and shows others everything', () => {
    expect(scopeOf({ role: 'consultant', districtIds: ['a'] })).toEqual(['a']);
    expect(scopeOf({ role: 'coordinator', districtIds: [] })).toBeNull();
    expect(scopeOf(null)).toEqual([]);
  });

  it('treats a district programme as the district for "targets only"', () => {
    const district = { districtId: T.nooken, territoryIds: [T.nooken], date: '2025-01-01' };
    expect(matchesFilter(district, { targetOnly: true }, null, tree)).toBe(false);
    expect(matchesFilter(district, { regionId: T.jalalAbad }, null, tree)).toBe(true);
    expect(matchesFilter(district, { regionId: T.issykKul }, null, tree)).toBe(false);
  });
});
