import { describe, expect, it } from 'vitest';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { searchKey } from './territory.ts';
import { buildTerritoryTree } from './territory-tree.ts';

const tree = buildTerritoryTree(TERRITORY_SEED, 'ky');
const byCode = (code: string) => TERRITORY_SEED.find((t) => t.code === code);

describe('territory seed', () => {
  it('has the four regions and the districts of DOMAIN.md', () => {
    expect(tree.regions.map((r) => r.names.en)).toEqual(
      expect.arrayContaining([
        'Issyk-Kul Region',
        'Jalal-Abad Region',
        'Chui Region',
        'Talas Region',
      ]),
    );
    const count = (code: string) => tree.childrenOf(byCode(code)?.id ?? '').length;
    expect([count('issyk-kul'), count('jalal-abad'), count('chui'), count('talas')]).toEqual([
      5, 8, 8, 4,
    ]);
  });

  it('puts the three towns in their districts', () => {
    expect(tree.path(byCode('kerben')?.id ?? '').map((t) => t.code)).toEqual([
      'jalal-abad',
      'aksy',
      'kerben',
    ]);
    expect(tree.childrenOf(byCode('nooken')?.id ?? '').map((t) => t.names.ru)).toEqual([
      'Кочкор-Ата',
      'Шамалды-Сай',
    ]);
  });

  it('writes Kyrgyz names with the Kyrgyz letters', () => {
    expect(byCode('jeti-oguz')?.names.ky).toBe('Жети-Өгүз району');
    expect(byCode('tong')?.names.ky).toBe('Тоң району');
    expect(byCode('alamudun')?.names.ky).toBe('Аламүдүн району');
  });
});

describe('territory search', () => {
  it('finds Кербен whatever language the query is in', () => {
    for (const query of ['Кербен', 'kerben', 'КЕРБЕН', 'Kerb']) {
      expect(tree.search(query).map((t) => t.code)).toContain('kerben');
    }
  });

  it('ignores dashes, spaces and case, and matches Kyrgyz letters', () => {
    expect(tree.search('шамалды сай').map((t) => t.code)).toEqual(['shamaldy-say']);
    expect(tree.search('Жети-Өгүз').map((t) => t.code)).toEqual(['jeti-oguz']);
    expect(searchKey('Ак-Суу ')).toBe('аксуу');
  });

  it('lists districts before towns before regions', () => {
    expect(tree.search('талас').map((t) => t.kind)).toEqual(['district', 'region']);
    expect(tree.search('ноокен').map((t) => t.code)).toEqual(['nooken']);
  });

  it('follows merges to the successor', () => {
    const old = {
      ...byCode('kerben'),
      id: 'old',
      code: 'old',
      successorId: byCode('kerben')?.id,
    } as never;
    const merged = buildTerritoryTree([...TERRITORY_SEED, old], 'en');
    expect(merged.successor('old')?.code).toBe('kerben');
    expect(merged.successor(byCode('kerben')?.id ?? '')?.code).toBe('kerben');
  });
});
