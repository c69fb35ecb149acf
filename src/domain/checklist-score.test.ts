import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import {
  type Answers,
  type ChecklistTemplate,
  type Criterion,
  criteriaOf,
  DIMENSION_CODES,
  type Evaluation,
  SCORES,
  type Score,
} from './checklist.ts';
import {
  compareEvaluations,
  criterionChange,
  dimensionPercents,
  dimensionScores,
  evaluatedProgrammes,
  overallScore,
  programmeTable,
  recommendations,
} from './checklist-score.ts';

const [seed] = CHECKLIST_TEMPLATE_SEED;
if (!seed) throw new Error('no seeded template');
const { id: seedId, ...template } = seed;

const criterion = (code: string, weight?: number): Criterion => ({
  code,
  text: { ru: code, ky: code, en: code },
  ...(weight === undefined ? {} : { weight }),
});

/** A small template: inclusivity a (weight 1), b (weight 3); methodology c. */
const small: ChecklistTemplate = {
  key: 'sedp-evaluation',
  version: 1,
  publishedAt: '2024-08-01',
  title: { ru: 't', ky: 't', en: 't' },
  dimensions: [
    {
      code: 'inclusivity',
      title: { ru: 'i', ky: 'i', en: 'i' },
      criteria: [criterion('a'), criterion('b', 3)],
    },
    { code: 'methodology', title: { ru: 'm', ky: 'm', en: 'm' }, criteria: [criterion('c')] },
  ],
};

const scored = (scores: Record<string, Score>): Answers =>
  Object.fromEntries(Object.entries(scores).map(([code, score]) => [code, { score }]));

describe('scores', () => {
  it('weights applicable criteria, leaves out "not applicable" and unanswered ones', () => {
    const answers = scored({ a: 1, b: 0.5 });
    expect(dimensionScores(small, answers)).toEqual([
      // (1×1 + 3×0.5) / (1 + 3) = 62.5 %
      { code: 'inclusivity', total: 2, answered: 2, applicable: 2, percent: 62.5 },
      { code: 'methodology', total: 1, answered: 0, applicable: 0, percent: null },
    ]);
    expect(overallScore(small, { ...answers, c: { score: 'na' } })).toEqual({
      total: 3,
      answered: 3,
      applicable: 2,
      percent: 62.5,
    });
    expect(overallScore(small, scored({ a: 1, b: 0, c: 1 })).percent).toBe(40);
  });

  it('gives the seeded template 100 % when every criterion is met', () => {
    const all = Object.fromEntries(
      criteriaOf(template).map(({ criterion: c }) => [c.code, { score: 1 as const }]),
    );
    expect(dimensionScores(template, all).map((d) => d.percent)).toEqual([100, 100, 100, 100]);
    expect(dimensionPercents(template, all)).toEqual({
      inclusivity: 100,
      'gender-equity': 100,
      methodology: 100,
      'data-completeness': 100,
    });
  });

  it('lists the criteria scored 0 as recommendations, with their comments', () => {
    const answers: Answers = {
      a: { score: 0, comment: 'No youth in the group' },
      b: { score: 0.5 },
      c: { score: 0 },
    };
    expect(
      recommendations(small, answers).map((r) => [r.dimension, r.criterion.code, r.answer.comment]),
    ).toEqual([
      ['inclusivity', 'a', 'No youth in the group'],
      ['methodology', 'c', undefined],
    ]);
  });
});

const arbitraryTemplate: fc.Arbitrary<ChecklistTemplate> = fc
  .uniqueArray(fc.constantFrom(...DIMENSION_CODES), { minLength: 1, maxLength: 4 })
  .chain((codes) =>
    fc
      .tuple(
        ...codes.map(() =>
          fc.array(
            fc.option(fc.double({ min: 0.001, max: 100, noNaN: true }), { nil: undefined }),
            { minLength: 1, maxLength: 8 },
          ),
        ),
      )
      .map((weights) => ({
        ...small,
        dimensions: codes.map((code, d) => ({
          code,
          title: { ru: code, ky: code, en: code },
          criteria: (weights[d] ?? []).map((w, i) => criterion(`${code}-${i}`, w)),
        })),
      })),
  );

const withAnswers = arbitraryTemplate.chain((t) =>
  fc
    .tuple(...criteriaOf(t).map(() => fc.option(fc.constantFrom(...SCORES), { nil: undefined })))
    .map((scores) => {
      const answers: Answers = {};
      criteriaOf(t).forEach(({ criterion: c }, i) => {
        const score = scores[i];
        if (score !== undefined) answers[c.code] = { score };
      });
      return { template: t, answers };
    }),
);

const inBounds = (percent: number | null) => percent === null || (percent >= 0 && percent <= 100);

describe('score properties', () => {
  it('every percentage is within 0..100, and null exactly when nothing is applicable', () => {
    fc.assert(
      fc.property(withAnswers, ({ template: t, answers }) => {
        for (const summary of [...dimensionScores(t, answers), overallScore(t, answers)]) {
          expect(inBounds(summary.percent)).toBe(true);
          expect(summary.percent === null).toBe(summary.applicable === 0);
          expect(summary.applicable).toBeLessThanOrEqual(summary.answered);
          expect(summary.answered).toBeLessThanOrEqual(summary.total);
        }
      }),
    );
  });

  it('all met is 100, none met is 0, whatever the weights', () => {
    fc.assert(
      fc.property(arbitraryTemplate, fc.constantFrom(0, 1), (t, score) => {
        const answers = Object.fromEntries(
          criteriaOf(t).map(({ criterion: c }) => [c.code, { score }]),
        );
        expect(overallScore(t, answers).percent).toBeCloseTo(score * 100, 9);
        for (const d of dimensionScores(t, answers)) expect(d.percent).toBeCloseTo(score * 100, 9);
      }),
    );
  });

  it('"not applicable" answers change no percentage', () => {
    fc.assert(
      fc.property(withAnswers, ({ template: t, answers }) => {
        const padded = { ...answers };
        for (const { criterion: c } of criteriaOf(t)) padded[c.code] ??= { score: 'na' };
        expect(overallScore(t, padded).percent).toBe(overallScore(t, answers).percent);
        expect(dimensionScores(t, padded).map((d) => d.percent)).toEqual(
          dimensionScores(t, answers).map((d) => d.percent),
        );
      }),
    );
  });

  it('raising one score never lowers its dimension', () => {
    fc.assert(
      fc.property(withAnswers, fc.nat(), ({ template: t, answers }, pick) => {
        const all = criteriaOf(t);
        const target = all[pick % all.length];
        if (!target) return;
        const score = answers[target.criterion.code]?.score;
        if (score !== 0 && score !== 0.5) return;
        const raised: Answers = {
          ...answers,
          [target.criterion.code]: { score: score === 0 ? 0.5 : 1 },
        };
        const before = dimensionScores(t, answers).find((d) => d.code === target.dimension);
        const after = dimensionScores(t, raised).find((d) => d.code === target.dimension);
        expect(after?.percent ?? 0).toBeGreaterThanOrEqual((before?.percent ?? 0) - 1e-9);
      }),
    );
  });

  it('a comparison with itself is all same (or unanswered), and reversing swaps better and worse', () => {
    fc.assert(
      fc.property(withAnswers, withAnswers, (a, b) => {
        const self = compareEvaluations(a, a);
        expect(self.criteria.every((c) => c.change === 'same' || c.change === 'unanswered')).toBe(
          true,
        );
        const forward = compareEvaluations(a, b);
        const back = compareEvaluations(b, a);
        expect(forward.counts.improved).toBe(back.counts.worse);
        expect(forward.counts.worse).toBe(back.counts.improved);
        for (const d of forward.dimensions) {
          expect(d.delta === null || (d.delta >= -100 && d.delta <= 100)).toBe(true);
        }
      }),
    );
  });
});

describe('comparison', () => {
  it('tells improved, worse, same, new, not applicable and unanswered apart', () => {
    expect(criterionChange(0, 1)).toBe('improved');
    expect(criterionChange(1, 0.5)).toBe('worse');
    expect(criterionChange(0.5, 0.5)).toBe('same');
    expect(criterionChange('na', 'na')).toBe('same');
    expect(criterionChange(undefined, 0)).toBe('new');
    expect(criterionChange('na', 1)).toBe('new');
    expect(criterionChange(1, 'na')).toBe('not-applicable');
    expect(criterionChange(1, undefined)).toBe('unanswered');
  });

  it('matches criteria by code across template versions', () => {
    const revised: ChecklistTemplate = {
      ...small,
      version: 2,
      dimensions: [
        {
          code: 'inclusivity',
          title: { ru: 'i', ky: 'i', en: 'i' },
          // b reworded, a dropped, d added.
          criteria: [
            { ...criterion('b', 3), text: { ru: 'b2', ky: 'b2', en: 'b2' } },
            criterion('d'),
          ],
        },
        small.dimensions[1] as ChecklistTemplate['dimensions'][number],
      ],
    };
    const result = compareEvaluations(
      { template: small, answers: scored({ a: 0, b: 0, c: 1 }) },
      { template: revised, answers: scored({ b: 1, d: 0.5, c: 0.5 }) },
    );
    expect(
      result.criteria.map((c) => [c.code, c.before, c.after, c.change, c.inBefore, c.inAfter]),
    ).toEqual([
      ['b', 0, 1, 'improved', true, true],
      ['d', undefined, 0.5, 'new', false, true],
      ['a', 0, undefined, 'unanswered', true, false],
      ['c', 1, 0.5, 'worse', true, true],
    ]);
    expect(result.criteria[0]?.criterion.text.en).toBe('b2');
    // Inclusivity: 0 % → (3×1 + 1×0.5) / 4 = 87.5 %.
    expect(result.dimensions[0]).toMatchObject({ code: 'inclusivity', delta: 87.5 });
    expect(result.dimensions[1]).toMatchObject({ code: 'methodology', delta: -50 });
    expect(result.counts).toEqual({
      improved: 1,
      worse: 1,
      same: 0,
      new: 1,
      'not-applicable': 0,
      unanswered: 1,
    });
  });
});

describe('evaluated programmes', () => {
  const body = (over: Partial<Evaluation>): Evaluation => ({
    districtId: 'nooken',
    territoryId: 'kochkor-ata',
    draftLabel: 'Draft 1',
    evaluator: 'Aida',
    date: '2024-11-20',
    templateId: seedId,
    answers: {},
    status: 'final',
    ...over,
  });
  const records = [
    { id: 'e1', body: body({ answers: scored({ 'working-group-composition': 0 }) }) },
    {
      id: 'e2',
      body: body({
        date: '2024-12-10',
        draftLabel: 'Draft 2',
        answers: scored({ 'working-group-composition': 1 }),
      }),
    },
    { id: 'e3', body: body({ territoryId: 'shamaldy-say', status: 'draft' }) },
    { id: 'e4', body: body({ territoryId: 'nooken', templateId: 'gone' }) },
    { id: 'bad', body: { territoryId: 'x' } },
  ];

  it('counts each programme with a final evaluation once; drafts and unreadable records not', () => {
    const programmes = evaluatedProgrammes(records);
    expect(programmes.map((p) => [p.territoryId, p.records.map((r) => r.id)])).toEqual([
      ['kochkor-ata', ['e1', 'e2']],
      ['nooken', ['e4']],
    ]);
    expect(programmes[0]?.records[1]).toEqual({
      type: 'evaluation',
      id: 'e2',
      districtId: 'nooken',
      territoryIds: ['kochkor-ata'],
      date: '2024-12-10',
    });
  });

  it('tables each programme by its latest final evaluation', () => {
    const rows = programmeTable(records, [{ id: seedId, body: template }]);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.territoryId === 'kochkor-ata')).toMatchObject({
      evaluationId: 'e2',
      draftLabel: 'Draft 2',
      evaluations: 2,
      scored: true,
      dimensions: { inclusivity: 100, 'gender-equity': null },
      overall: 100,
    });
    expect(rows.find((r) => r.territoryId === 'nooken')).toMatchObject({
      scored: false,
      overall: null,
      dimensions: { inclusivity: null },
    });
  });
});
