import { describe, expect, it } from 'vitest';
import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import {
  type ChecklistTemplate,
  checklistTemplateSchema,
  criteriaOf,
  DIMENSION_CODES,
  evaluationSchema,
  latestTemplate,
  newEvaluation,
  nextTemplateVersion,
  SEDP_TEMPLATE_KEY,
  templateVersions,
  unansweredCriteria,
  withAnswer,
} from './checklist.ts';

const [seed] = CHECKLIST_TEMPLATE_SEED;
if (!seed) throw new Error('no seeded template');
const { id: seedId, ...template } = seed;

const evaluation = () =>
  newEvaluation({
    districtId: 'nooken',
    territoryId: 'kochkor-ata',
    draftLabel: ' Draft of 2024-11-02 ',
    evaluator: 'Aida',
    date: '2024-11-20',
    templateId: seedId,
  });

describe('the starting template', () => {
  it('is a valid template version 1 with the four dimensions of the terms of reference', () => {
    expect(checklistTemplateSchema.safeParse(template).success).toBe(true);
    expect(template.version).toBe(1);
    expect(template.key).toBe(SEDP_TEMPLATE_KEY);
    expect(template.dimensions.map((d) => d.code)).toEqual([...DIMENSION_CODES]);
    expect(template.dimensions.map((d) => d.criteria.length)).toEqual([5, 5, 4, 4]);
  });

  it('has every text in Russian, Kyrgyz and English, each its own', () => {
    for (const { criterion } of criteriaOf(template)) {
      const { ru, ky, en } = criterion.text;
      expect(new Set([ru, ky, en]).size, criterion.code).toBe(3);
      expect(ru, criterion.code).toMatch(/[а-яё]/i);
      expect(ky, criterion.code).toMatch(/[а-яөүң]/i);
      expect(en, criterion.code).toMatch(/^[A-Z]/);
    }
  });

  it('has a fixed UUIDv8 id', () => {
    expect(seedId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('template schema', () => {
  it('refuses a criterion code used twice, even across dimensions', () => {
    const copy = structuredClone(template);
    const first = copy.dimensions[0]?.criteria[0];
    const other = copy.dimensions[1]?.criteria[0];
    if (!first || !other) throw new Error('seed too small');
    other.code = first.code;
    const parsed = checklistTemplateSchema.safeParse(copy);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('criterion codes must be unique in a template');
  });

  it('refuses an unknown dimension, a blank text and a weight that is not positive', () => {
    const bad = (mutate: (t: ChecklistTemplate) => void) => {
      const copy = structuredClone(template);
      mutate(copy);
      return checklistTemplateSchema.safeParse(copy).success;
    };
    expect(bad((t) => Object.assign(t.dimensions[0] ?? {}, { code: 'beauty' }))).toBe(false);
    expect(bad((t) => Object.assign(t.dimensions[0]?.criteria[0]?.text ?? {}, { ky: ' ' }))).toBe(
      false,
    );
    expect(bad((t) => Object.assign(t.dimensions[0]?.criteria[0] ?? {}, { weight: 0 }))).toBe(
      false,
    );
    expect(bad((t) => Object.assign(t.dimensions[0]?.criteria[0] ?? {}, { weight: 2.5 }))).toBe(
      true,
    );
  });
});

describe('evaluation schema', () => {
  it('accepts a new evaluation with trimmed labels and no answers', () => {
    const e = evaluation();
    expect(e.draftLabel).toBe('Draft of 2024-11-02');
    expect(e.status).toBe('draft');
    expect(evaluationSchema.safeParse(e).success).toBe(true);
  });

  it('accepts the four answers and refuses anything else, naming the path', () => {
    const e = evaluation();
    for (const score of [0, 0.5, 1, 'na'] as const) {
      expect(evaluationSchema.safeParse({ ...e, answers: { x: { score } } }).success).toBe(true);
    }
    const wrong = evaluationSchema.safeParse({ ...e, answers: { x: { score: 0.7 } } });
    expect(wrong.success).toBe(false);
    expect(wrong.error?.issues[0]?.path).toEqual(['answers', 'x', 'score']);
    const photo = evaluationSchema.safeParse({ ...e, answers: { x: { photo: 'not-a-hash' } } });
    expect(photo.error?.issues[0]?.path).toEqual(['answers', 'x', 'photo']);
    expect(evaluationSchema.safeParse({ ...e, draftLabel: '  ' }).success).toBe(false);
    expect(evaluationSchema.safeParse({ ...e, date: '20.11.2024' }).success).toBe(false);
    expect(evaluationSchema.safeParse({ ...e, status: 'done' }).success).toBe(false);
  });
});

describe('answers', () => {
  it('keeps only what was given and drops an answer left empty', () => {
    let answers = withAnswer({}, 'a', { comment: 'Seen the order' });
    expect(answers).toEqual({ a: { comment: 'Seen the order' } });
    answers = withAnswer(answers, 'a', { ...answers.a, score: 1, evidence: '  ' });
    expect(answers).toEqual({ a: { score: 1, comment: 'Seen the order' } });
    answers = withAnswer(answers, 'a', { comment: '' });
    expect(answers).toEqual({});
  });

  it('lists the criteria still without a score (a comment alone does not answer)', () => {
    const answers = withAnswer({}, 'working-group-composition', { comment: 'to check' });
    expect(unansweredCriteria(template, answers)).toHaveLength(18);
    const all = Object.fromEntries(
      criteriaOf(template).map(({ criterion }) => [criterion.code, { score: 'na' as const }]),
    );
    expect(unansweredCriteria(template, all)).toEqual([]);
  });
});

describe('template versions', () => {
  const v1 = { id: seedId, body: template };
  const v2 = { id: 'v2', body: nextTemplateVersion(template, [v1], '2025-02-01') };
  const other = { id: 'o', body: { ...template, key: 'other', version: 9 } };

  it('publishes one above the newest version of the family, dated', () => {
    expect(v2.body).toMatchObject({
      key: SEDP_TEMPLATE_KEY,
      version: 2,
      publishedAt: '2025-02-01',
    });
    // Edited from version 1 while version 2 was published: still a new number.
    expect(nextTemplateVersion(template, [v1, v2, other], '2025-03-01').version).toBe(3);
  });

  it('finds the latest version of a family and lists versions newest first', () => {
    expect(latestTemplate([v1, other, v2])?.id).toBe('v2');
    expect(latestTemplate([v1, other, v2], 'other')?.id).toBe('o');
    expect(latestTemplate([])).toBeUndefined();
    expect(templateVersions([v1, other, v2]).map((t) => t.id)).toEqual(['v2', seedId]);
  });
});
