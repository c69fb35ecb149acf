import { describe, expect, it } from 'vitest';
import { H1, H2, H3, T, T1, T2, TERRITORIES } from '../testing/dashboard-fixtures.ts';
import type { DashboardFilter } from './dashboard-filter.ts';
import {
  type AttendanceSource,
  type GenderFigures,
  genderFigures,
  hearingFiguresOf,
  hearingSource,
  hearingSourceOfFigures,
} from './gender-figures.ts';
import { buildTerritoryTree } from './territory-tree.ts';

const tree = buildTerritoryTree(TERRITORIES, 'en');
const SOURCES = [hearingSource(H1), hearingSource(H2), hearingSource(H3), T1, T2];
const figures = (filter: DashboardFilter = {}, scope: readonly string[] | null = null) =>
  genderFigures(SOURCES, filter, scope, tree);
const sexes = (r: { women: number; men: number; total: number }) => [r.women, r.men, r.total];

describe('gender figures (hand-computed)', () => {
  it('adds up attendance of hearings and trainings', () => {
    const all = figures();
    // 12+2+30+4+5 women, 8+1+20+6+5 men.
    expect(sexes(all.total)).toEqual([53, 40, 93]);
    expect(all.total.share).toBeCloseTo(53 / 93, 10);
    expect(all.total.groups).toEqual({ youth: 16, disability: 1, elderly: 1 });
    expect([all.total.hearings, all.total.trainings]).toEqual([3, 2]);
    expect(sexes(all.byKind.hearing)).toEqual([44, 29, 73]);
    expect(sexes(all.byKind.training)).toEqual([9, 11, 20]);
  });

  it('counts per municipality, a merged one under its successor, several at district level', () => {
    const rows = figures().byMunicipality.map((r) => [r.level, r.key, r.women, r.men]);
    expect(rows).toEqual([
      ['municipality', T.kerben, 30, 20],
      ['district', T.nooken, 4, 6],
      ['municipality', T.kochkor, 12, 8],
      ['municipality', T.massy, 2, 1],
      ['municipality', T.bokonbaev, 5, 5],
    ]);
  });

  it('counts per district, region and quarter', () => {
    const all = figures();
    expect(all.byDistrict.map((r) => [r.key, ...sexes(r)])).toEqual([
      [T.aksy, 30, 20, 50],
      [T.nooken, 18, 15, 33],
      [T.tong, 5, 5, 10],
    ]);
    expect(all.byRegion.map((r) => [r.key, ...sexes(r)])).toEqual([
      [T.issykKul, 5, 5, 10],
      [T.jalalAbad, 48, 35, 83],
    ]);
    expect(all.byQuarter.map((r) => [r.key, ...sexes(r)])).toEqual([
      ['2024-Q4', 30, 20, 50],
      ['2025-Q1', 16, 14, 30],
      ['2025-Q2', 7, 6, 13],
    ]);
  });

  it('counts proposals from women and youth and how many were accepted', () => {
    const { proposals } = figures();
    expect([proposals.total, proposals.accepted]).toEqual([5, 3]);
    expect(proposals.fromWomen).toEqual({ raised: 3, accepted: 2 });
    expect(proposals.fromYouth).toEqual({ raised: 2, accepted: 1 });
    expect(proposals.byRaiser.men).toEqual({ raised: 1, accepted: 0 });
  });

  it('keeps to the user scope and the filters', () => {
    expect(sexes(figures({}, [T.nooken]).total)).toEqual([18, 15, 33]);
    expect(sexes(figures({ regionId: T.issykKul }).total)).toEqual([5, 5, 10]);
    expect(sexes(figures({ districtId: T.aksy }).total)).toEqual([30, 20, 50]);
    // The merged aiyl aimak's hearing shows under its successor.
    expect(sexes(figures({ municipalityId: T.massy }).total)).toEqual([2, 1, 3]);
    // h1 and the training for Kochkor-Ata and Shamaldy-Say.
    expect(sexes(figures({ municipalityId: T.kochkor }).total)).toEqual([16, 14, 30]);
    // Everything but the training in Bokonbaev, which is no target.
    expect(sexes(figures({ targetOnly: true }).total)).toEqual([48, 35, 83]);
    expect(sexes(figures({ from: '2025-01-01', to: '2025-03-31' }).total)).toEqual([16, 14, 30]);
    expect(figures({ districtId: T.aksy }, [T.nooken]).total.total).toBe(0);
    expect(figures({ districtId: T.aksy }, [T.nooken]).total.share).toBeNull();
  });

  it('tells groups apart by sex from the named lists only', () => {
    // h2's list: a young woman, a woman, an elderly man.
    expect(figures().groupsBySex).toEqual({
      listed: 3,
      groups: { youth: { women: 1, men: 0 }, elderly: { women: 0, men: 1 } },
    });
    expect(figures({ districtId: T.aksy }).groupsBySex).toEqual({ listed: 0, groups: {} });
  });

  it('lists the records behind each row', () => {
    const kochkor = figures().byMunicipality.find((r) => r.key === T.kochkor);
    expect(kochkor?.sources).toMatchObject([{ kind: 'hearing', id: 'h1' }]);
    expect(figures().byDistrict.find((r) => r.key === T.nooken)?.sources).toMatchObject([
      { kind: 'hearing', id: 'h1' },
      { kind: 'hearing', id: 'h2' },
      { kind: 'training', id: 't1' },
    ]);
  });
});

describe("gender figures from the hearings' figures (the device's list index)", () => {
  it('are the same as from the hearings themselves, groups by sex and proposals included', () => {
    const viaFigures = [H1, H2, H3].map((h) =>
      hearingSourceOfFigures({
        id: h.id,
        body: JSON.parse(JSON.stringify(hearingFiguresOf(h.body))),
      }),
    );
    for (const filter of [{}, { from: '2025-01-01' }] as DashboardFilter[]) {
      // A row's sources are the records behind it, by kind and id.
      const keyed = (figures: GenderFigures): unknown =>
        JSON.parse(
          JSON.stringify(figures, (key, value: unknown) =>
            key === 'sources'
              ? (value as AttendanceSource[]).map(({ kind, id }) => ({ kind, id }))
              : value,
          ),
        );
      expect(keyed(genderFigures([...viaFigures, T1, T2], filter, null, tree))).toEqual(
        keyed(genderFigures(SOURCES, filter, null, tree)),
      );
    }
  });
});
