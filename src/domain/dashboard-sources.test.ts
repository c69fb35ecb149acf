import { describe, expect, it } from 'vitest';
import { trainedTownEvidence, trainingSources } from './dashboard-sources.ts';
import { T, TERRITORIES } from './dashboard-test-fixtures.ts';

const person = (id: string, sex: 'female' | 'male', municipalityId?: string) => ({
  id,
  name: `Person ${id}`,
  sex,
  groups: [],
  ...(municipalityId ? { municipalityId } : {}),
});

const TRAININGS = [
  {
    id: 'held-nooken',
    body: {
      districtId: T.nooken,
      municipalityIds: [T.kochkor],
      status: 'held',
      dates: ['2024-09-18', '2024-09-17'],
      attendance: {
        tally: { women: 0, men: 0, groups: {} },
        // One participant came from Kerben (Aksy).
        participants: [person('a', 'female'), person('b', 'male'), person('c', 'female', T.kerben)],
      },
    },
  },
  {
    id: 'planned',
    body: {
      districtId: T.nooken,
      municipalityIds: [T.shamaldy],
      status: 'planned',
      dates: ['2024-10-01'],
      attendance: { tally: { women: 0, men: 0, groups: {} }, participants: [] },
    },
  },
  { id: 'unreadable', body: { districtId: T.aksy, status: 'held' } },
  {
    id: 'held-massy',
    body: {
      districtId: T.nooken,
      municipalityIds: [T.massy],
      status: 'held',
      dates: { start: '2024-11-05', end: '2024-11-06' },
      attendance: { tally: { women: 7, men: 3, groups: { youth: 2 } }, participants: [] },
    },
  },
];

describe('trainings on the dashboard', () => {
  it('counts held trainings only, from their first day, by their attendance', () => {
    const sources = trainingSources(TRAININGS);
    expect(sources.map((s) => [s.id, s.date, s.figures.women, s.figures.men])).toEqual([
      ['held-nooken', '2024-09-17', 2, 1],
      ['held-massy', '2024-11-05', 7, 3],
    ]);
  });

  it('counts towns served by a held training or with someone at one', () => {
    const towns = trainedTownEvidence(TRAININGS, TERRITORIES);
    // Kochkor-Ata (served), Kerben (a participant, counted in Aksy); Massy is no town.
    expect(towns.map((t) => [t.key, t.records[0]?.districtId])).toEqual([
      [T.kerben, T.aksy],
      [T.kochkor, T.nooken],
    ]);
  });
});
