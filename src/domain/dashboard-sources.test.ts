import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import { T, TERRITORIES } from '../testing/dashboard-fixtures.ts';
import {
  evaluatedProgrammeEvidence,
  trainedTownEvidence,
  trainingSources,
} from './dashboard-sources.ts';
import type { Milestone } from './milestone.ts';

const person = (id: string, sex: 'female' | 'male', municipalityId?: string) => ({
  id,
  name: `Person ${id}`,
  sex,
  groups: [],
  ...(municipalityId ? { municipalityId } : {}),
});

const details = { moduleCodes: ['methodology'], title: '', venue: '', trainers: '', notes: '' };

const TRAININGS = [
  {
    id: 'held-nooken',
    body: {
      districtId: T.nooken,
      municipalityIds: [T.kochkor],
      ...details,
      status: 'held',
      dates: ['2024-09-17', '2024-09-18'],
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
      ...details,
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
      ...details,
      status: 'held',
      dates: ['2024-11-05', '2024-11-06'],
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

describe('evaluated drafts on the dashboard', () => {
  const templateId = CHECKLIST_TEMPLATE_SEED[0]?.id ?? '';
  const evaluation = (id: string, territoryId: string, status: string, date: string) => ({
    id,
    body: {
      districtId: T.nooken,
      territoryId,
      draftLabel: 'Draft 1',
      evaluator: 'Aida',
      date,
      templateId,
      answers: {},
      status,
    },
  });
  const paperEvaluation: { id: string; body: Milestone } = {
    id: 'm-evaluated',
    body: { districtId: T.aksy, territoryId: T.kerben, kind: 'evaluated', date: '2024-10-01' },
  };

  it('counts each programme with a final checklist or an evaluated stage once', () => {
    const items = evaluatedProgrammeEvidence(
      [paperEvaluation],
      [
        evaluation('e1', T.kochkor, 'final', '2024-11-20'),
        evaluation('e2', T.kochkor, 'final', '2024-12-10'),
        evaluation('e3', T.shamaldy, 'draft', '2024-12-01'),
      ],
    );
    expect(items.map((i) => [i.key, i.records.map((r) => r.id)])).toEqual([
      [T.kerben, ['m-evaluated']],
      [T.kochkor, ['e1', 'e2']],
    ]);
  });
});
