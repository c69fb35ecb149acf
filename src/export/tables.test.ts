import { describe, expect, it } from 'vitest';
import { readTraining } from '../domain/dashboard-sources.ts';
import { H1, H2, MILESTONES, T } from '../domain/dashboard-test-fixtures.ts';
import { parseCsv, toCsv } from './csv.ts';
import {
  type ExportWords,
  hearingParticipantsTable,
  hearingsTable,
  milestonesTable,
  proposalsTable,
  sharePercent,
  trainingRosterTable,
  trainingsTable,
} from './tables.ts';

const WORDS: ExportWords = {
  column: (key) => key,
  table: (key) => key,
  territory: (id) => ({ [T.kochkor]: 'Кочкор-Ата', [T.nooken]: 'Ноокен' })[id] ?? id,
  regionOf: () => 'Жалал-Абад',
  group: (code) => ({ youth: 'Жаштар' })[code] ?? code,
  position: (code) => code,
  module: (code) => code,
  term: (kind, code) => `${kind}:${code}`,
};

describe('export tables', () => {
  it('puts a hearing on one row with its attendance and proposal figures', () => {
    const table = hearingsTable([H2, H1], ['youth', 'elderly'], WORDS);
    const at = (name: string) => table.header.indexOf(name);
    const first = table.rows[0] ?? [];
    expect(first[0]).toBe('h1');
    expect([first[at('district')], first[at('municipality')]]).toEqual(['Ноокен', 'Кочкор-Ата']);
    expect([first[at('women')], first[at('men')], first[at('total')]]).toEqual([12, 8, 20]);
    expect(first[at('womenShare')]).toBe(60);
    // Known groups first, then any others counted (disability).
    expect(table.header.slice(at('womenShare') + 1, at('proposals'))).toEqual([
      'Жаштар',
      'elderly',
      'disability',
    ]);
    expect(first.slice(at('womenShare') + 1, at('proposals'))).toEqual([5, 0, 1]);
    expect(first.slice(at('proposals'), at('decisions'))).toEqual([4, 2, 2, 1, 2, 1]);
    // h2 counted from its list: 2 women, 1 man.
    const second = table.rows[1] ?? [];
    expect([second[at('women')], second[at('men')], second[at('womenShare')]]).toEqual([
      2, 1, 66.7,
    ]);
  });

  it('lists named participants and proposals, one row each', () => {
    const people = hearingParticipantsTable([H1, H2], WORDS);
    expect(people.rows.map((r) => [r[0], r[3], r[4], r[5]])).toEqual([
      ['h2', 'Айгүл', 'sex:female', 'Жаштар'],
      ['h2', 'Гүлнара', 'sex:female', ''],
      ['h2', 'Эрмек', 'sex:male', 'elderly'],
    ]);
    const proposals = proposalsTable([H1], WORDS);
    expect(proposals.rows[1]?.slice(4, 6)).toEqual([
      'raisedBy:women; raisedBy:youth',
      'response:rejected',
    ]);
  });

  it('lists milestones oldest first, a district programme without municipality', () => {
    const table = milestonesTable(MILESTONES, WORDS);
    expect(table.rows.map((r) => r[0])).toEqual(['m7', 'm1', 'm3', 'm4', 'm2', 'm6', 'm5']);
    const district = table.rows.find((r) => r[0] === 'm4') ?? [];
    expect(district.slice(2, 6)).toEqual([
      'Жалал-Абад',
      'Ноокен',
      '',
      'milestoneKind:draft-submitted',
    ]);
  });

  it('survives the CSV round trip', () => {
    const csv = parseCsv(toCsv(hearingsTable([H1], [], WORDS)));
    expect(csv[1]?.slice(0, 2)).toEqual(['h1', '2025-02-10']);
    expect(sharePercent({ women: 0, men: 0 })).toBeNull();
  });
});

describe('training tables', () => {
  const training = readTraining({
    districtId: T.nooken,
    municipalityIds: [T.kochkor],
    moduleCodes: ['methodology'],
    venue: '',
    trainers: '',
    notes: '',
    status: 'held',
    title: 'Методология ПСЭР',
    dates: ['2024-09-17', '2024-09-18'],
    attendance: {
      tally: { women: 0, men: 0, groups: {} },
      participants: [
        {
          id: 'a',
          name: 'Айгүл',
          sex: 'female',
          groups: ['youth'],
          municipalityId: T.kochkor,
          days: ['2024-09-17', '2024-09-18'],
        },
      ],
    },
  });

  it('lists trainings with attendance and their rosters', () => {
    if (!training) throw new Error('unreadable training');
    const trainings = trainingsTable([{ id: 't1', body: training }], WORDS);
    expect(trainings.rows[0]).toEqual([
      't1',
      'Методология ПСЭР',
      '2024-09-17',
      '2024-09-18',
      'Жалал-Абад',
      'Ноокен',
      'Кочкор-Ата',
      'trainingStatus:held',
      1,
      0,
      1,
      100,
    ]);
    const roster = trainingRosterTable([{ id: 't1', body: training }], WORDS);
    expect(roster.rows).toEqual([
      [
        't1',
        'Методология ПСЭР',
        '2024-09-17',
        'Кочкор-Ата',
        'Айгүл',
        'sex:female',
        'Жаштар',
        '',
        undefined,
        2,
      ],
    ]);
  });
});
