import { describe, expect, it } from 'vitest';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import {
  type TerritoryLink,
  territoryProblemMessage,
  territoryProblems,
  territoryReferences,
} from './territory-scope.ts';

const byCode = (code: string) => {
  const found = TERRITORY_SEED.find((t) => t.code === code);
  if (!found) throw new Error(code);
  return found.id;
};
const byId = new Map<string, TerritoryLink>(TERRITORY_SEED.map((t) => [t.id, t]));
const lookup = (id: string) => byId.get(id);

const nooken = byCode('nooken');
const kochkorAta = byCode('kochkor-ata');
const shamaldySay = byCode('shamaldy-say');
const kerben = byCode('kerben');

describe('territoryProblems', () => {
  it('accepts territories inside the district, and the district itself', () => {
    const training = { districtId: nooken, municipalityIds: [kochkorAta, shamaldySay] };
    expect(territoryProblems(training, lookup)).toEqual([]);
    expect(territoryProblems({ districtId: nooken, territoryId: nooken }, lookup)).toEqual([]);
  });

  it('names each territory of another district, or none at all, by its path', () => {
    const training = { districtId: nooken, municipalityIds: [kochkorAta, kerben, 'nowhere'] };
    expect(territoryProblems(training, lookup)).toEqual([
      { path: ['municipalityIds', 1], territoryId: kerben, reason: 'outside' },
      { path: ['municipalityIds', 2], territoryId: 'nowhere', reason: 'missing' },
    ]);
    expect(territoryProblems({ districtId: nooken, territoryId: kerben }, lookup)).toEqual([
      { path: ['territoryId'], territoryId: kerben, reason: 'outside' },
    ]);
  });

  it('refuses a record filed under a district that does not exist, by its districtId', () => {
    const ghost = new Map(byId);
    ghost.set('m1', { kind: 'municipality', parentId: 'ghost-district' });
    const problems = territoryProblems(
      { districtId: 'ghost-district', municipalityId: 'm1' },
      (id) => ghost.get(id),
    );
    expect(problems).toEqual([
      { path: ['districtId'], territoryId: 'ghost-district', reason: 'missing' },
    ]);
    // A lessons note or milestone names nothing but its district.
    expect(territoryProblems({ districtId: 'district-a', title: 'Hall' }, lookup)).toEqual([
      { path: ['districtId'], territoryId: 'district-a', reason: 'missing' },
    ]);
  });

  it('refuses a districtId naming a region or a municipality', () => {
    const region = byCode('jalal-abad');
    expect(territoryProblems({ districtId: region, municipalityId: kochkorAta }, lookup)).toEqual([
      { path: ['districtId'], territoryId: region, reason: 'notDistrict' },
    ]);
    const [problem] = territoryProblems({ districtId: kochkorAta }, lookup);
    expect(problem).toEqual({
      path: ['districtId'],
      territoryId: kochkorAta,
      reason: 'notDistrict',
    });
    expect(problem && territoryProblemMessage(problem)).toBe(
      `territory ${kochkorAta} is not a district`,
    );
  });

  it('leaves where participants come from alone: people from anywhere may attend', () => {
    const hearing = {
      districtId: nooken,
      municipalityId: kochkorAta,
      attendance: { participants: [{ municipalityId: kerben, organisation: 'Kerben school' }] },
    };
    expect(territoryReferences(hearing)).toEqual([
      { path: ['municipalityId'], territoryId: kochkorAta },
    ]);
    expect(territoryProblems(hearing, lookup)).toEqual([]);
  });

  it('survives a parent cycle', () => {
    const cyclic = new Map<string, TerritoryLink>([
      ['d', { kind: 'district' }],
      ['a', { kind: 'municipality', parentId: 'b' }],
      ['b', { kind: 'municipality', parentId: 'a' }],
    ]);
    const problems = territoryProblems({ districtId: 'd', territoryId: 'a' }, (id) =>
      cyclic.get(id),
    );
    expect(problems).toHaveLength(1);
  });
});
