import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import type { ChecklistTemplate, Evaluation } from '../domain/checklist.ts';
import { readTraining } from '../domain/dashboard-sources.ts';
import { H1, H2, MILESTONES, T } from '../testing/dashboard-fixtures.ts';
import { parseCsv, toCsv } from './csv.ts';
import {
  type ExportWords,
  evaluationsTable,
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

describe('evaluations table', () => {
  const [seed] = CHECKLIST_TEMPLATE_SEED;
  if (!seed) throw new Error('no seeded template');
  const { id: v1, ...seedBody } = seed;
  const texts = (en: string) => ({ en, ru: en, ky: en });
  // A later version of the family: two dimensions, methodology first, weighted criteria.
  const v2: ChecklistTemplate = {
    key: 'sedp-evaluation',
    version: 2,
    publishedAt: '2025-01-15',
    title: texts('Evaluation, v2'),
    dimensions: [
      {
        code: 'methodology',
        title: texts('Methodology'),
        criteria: [
          { code: 'stages-with-evidence', text: texts('Stages'), weight: 3 },
          { code: 'action-plan-budget', text: texts('Budget'), weight: 1 },
        ],
      },
      {
        code: 'inclusivity',
        title: texts('Inclusivity'),
        criteria: [{ code: 'working-group-composition', text: texts('Working group') }],
      },
    ],
  };
  const templates = [
    { id: v1, body: seedBody },
    { id: 'tpl-v2', body: v2 },
  ];
  const evaluation = (over: Partial<Evaluation>): Evaluation => ({
    districtId: T.nooken,
    territoryId: T.kochkor,
    draftLabel: 'Первый проект',
    evaluator: 'Айгүл Токтосунова',
    date: '2025-04-10',
    templateId: v1,
    answers: {},
    status: 'final',
    ...over,
  });
  const first = evaluation({
    answers: {
      // Inclusivity: 1 + 0 + 0.5 over 3 applicable ("na" and unanswered count for neither) = 50 %.
      'working-group-composition': { score: 1 },
      'separate-consultations': { score: 0, comment: 'Нет протоколов' },
      'hearing-attendance-recorded': { score: 0.5 },
      'proposals-traceable': { score: 'na' },
      // Gender equity: 0 + 1 + 1 over 3 = 66.7 %.
      'sex-disaggregated-profiles': { score: 0 },
      'gender-problem-analysis': { score: 1 },
      'budgeted-measure-women': { score: 1 },
      // Methodology: nothing scored, only a comment: empty.
      'stages-with-evidence': { comment: 'Посмотреть позже' },
      // Data completeness: 1 + 1 + 0.5 + 1 over 4 = 87.5 %.
      'standard-indicators': { score: 1 },
      'sources-years': { score: 1 },
      'population-breakdown': { score: 0.5 },
      'no-empty-profile': { score: 1 },
    },
  });
  const revised = evaluation({
    // The district's own programme, scored on version 2; its label starts like a formula.
    territoryId: T.nooken,
    draftLabel: '=HYPERLINK("http://x")',
    evaluator: 'Гүлнара Мамытова',
    date: '2025-03-01',
    templateId: 'tpl-v2',
    status: 'draft',
    answers: {
      // Methodology: (3 × 1 + 1 × 0) / 4 = 75 %; inclusivity: 0.5 / 1 = 50 %.
      'stages-with-evidence': { score: 1 },
      'action-plan-budget': { score: 0 },
      'working-group-composition': { score: 0.5 },
      // Not in version 2: ignored.
      'no-empty-profile': { score: 0 },
    },
  });
  const unknown = evaluation({ date: '2025-05-01', templateId: 'tpl-missing' });
  const table = evaluationsTable(
    [
      { id: 'e1', body: first },
      { id: 'e2', body: revised },
      { id: 'e3', body: unknown },
    ],
    templates,
    WORDS,
  );

  it('puts each evaluation on one row, oldest first, with the scores of its template version', () => {
    expect(table.name).toBe('evaluations');
    expect(table.header).toEqual([
      'id',
      'region',
      'district',
      'municipality',
      'draftLabel',
      'evaluator',
      'date',
      'status',
      'templateVersion',
      'dimension-inclusivity',
      'dimension-gender-equity',
      'dimension-methodology',
      'dimension-data-completeness',
      'overall',
      'scoredZero',
    ]);
    expect(table.rows).toEqual([
      [
        'e2',
        'Жалал-Абад',
        'Ноокен',
        '',
        '=HYPERLINK("http://x")',
        'Гүлнара Мамытова',
        '2025-03-01',
        'evaluationStatus:draft',
        2,
        // Inclusivity, gender equity (not in v2), methodology, data completeness (not in v2).
        50,
        null,
        75,
        null,
        // (3 + 0 + 0.5) / 5 = 70 %; one criterion of v2 scored 0.
        70,
        1,
      ],
      [
        'e1',
        'Жалал-Абад',
        'Ноокен',
        'Кочкор-Ата',
        'Первый проект',
        'Айгүл Токтосунова',
        '2025-04-10',
        'evaluationStatus:final',
        1,
        50,
        66.7,
        null,
        87.5,
        // (1.5 + 2 + 3.5) / 10 applicable = 70 %; two criteria scored 0.
        70,
        2,
      ],
      // Its template version is not on the device: the row stays, unscored.
      [
        'e3',
        'Жалал-Абад',
        'Ноокен',
        'Кочкор-Ата',
        'Первый проект',
        'Айгүл Токтосунова',
        '2025-05-01',
        'evaluationStatus:final',
        undefined,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
    ]);
  });

  it('keeps Cyrillic and neutralises formulas in CSV', () => {
    const csv = toCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[1]?.slice(0, 8)).toEqual([
      'e2',
      'Жалал-Абад',
      'Ноокен',
      '',
      '\'=HYPERLINK("http://x")',
      'Гүлнара Мамытова',
      '2025-03-01',
      'evaluationStatus:draft',
    ]);
    expect(rows[2]?.slice(9)).toEqual(['50', '66.7', '', '87.5', '70', '2']);
    expect(rows[3]?.slice(8)).toEqual(['', '', '', '', '', '', '']);
  });
});
