/**
 * Scores of an evaluation against its template version (see checklist.ts):
 * - per dimension and overall, the weighted percentage of the applicable criteria
 *   (Σ weight × score / Σ weight over criteria scored 0, 0.5 or 1), always within 0..100;
 *   "not applicable" and unanswered criteria count for neither side; null until one is scored;
 * - progress: answered (a score or "not applicable") of all criteria;
 * - recommendations: the criteria scored 0, to hand to the municipality;
 * - a comparison of two evaluations of the same programme, criterion by criterion, matched
 *   by criterion code, so a revised draft scored on a later template version compares too;
 * - the programmes evaluated (work-plan measure `drafts-evaluated`) and a table of them.
 */
import {
  type Answer,
  type Answers,
  type ChecklistTemplate,
  type Criterion,
  criteriaOf,
  DIMENSION_CODES,
  type DimensionCode,
  type Evaluation,
  evaluationSchema,
  type Score,
  type TemplateVersion,
  weightOf,
} from './checklist.ts';
import type { EvaluatedProgramme } from './work-plan-progress.ts';

export interface ScoreSummary {
  /** Criteria in the template (or the dimension). */
  total: number;
  /** Criteria with an answer: a score or "not applicable". */
  answered: number;
  /** Criteria scored 0, 0.5 or 1: what the percentage is of. */
  applicable: number;
  /** Weighted percentage of the applicable criteria, 0..100; null while none is scored. */
  percent: number | null;
}

export interface DimensionScore extends ScoreSummary {
  code: DimensionCode;
}

export const isScored = (score: Score | undefined): score is 0 | 0.5 | 1 =>
  score === 0 || score === 0.5 || score === 1;

function summarise(criteria: readonly Criterion[], answers: Answers): ScoreSummary {
  let answered = 0;
  let applicable = 0;
  let points = 0;
  let weights = 0;
  for (const criterion of criteria) {
    const score = answers[criterion.code]?.score;
    if (score === undefined) continue;
    answered += 1;
    if (!isScored(score)) continue;
    applicable += 1;
    const weight = weightOf(criterion);
    points += weight * score;
    weights += weight;
  }
  const percent =
    applicable > 0 && weights > 0 ? Math.min(100, Math.max(0, (points / weights) * 100)) : null;
  return { total: criteria.length, answered, applicable, percent };
}

/** Each dimension of the template, in its order, with its score. */
export function dimensionScores(template: ChecklistTemplate, answers: Answers): DimensionScore[] {
  return template.dimensions.map((dimension) => ({
    code: dimension.code,
    ...summarise(dimension.criteria, answers),
  }));
}

/** The whole evaluation: every criterion of every dimension, weighted. */
export function overallScore(template: ChecklistTemplate, answers: Answers): ScoreSummary {
  return summarise(
    template.dimensions.flatMap((d) => d.criteria),
    answers,
  );
}

const noPercents = () =>
  Object.fromEntries(DIMENSION_CODES.map((code) => [code, null])) as Record<
    DimensionCode,
    number | null
  >;

/** The four dimension percentages by code (null: not in the template, or nothing scored). */
export function dimensionPercents(
  template: ChecklistTemplate,
  answers: Answers,
): Record<DimensionCode, number | null> {
  const out = noPercents();
  for (const score of dimensionScores(template, answers)) out[score.code] = score.percent;
  return out;
}

export interface Recommendation {
  dimension: DimensionCode;
  criterion: Criterion;
  answer: Answer;
}

/** The criteria scored 0, in template order: what the municipality should work on. */
export function recommendations(template: ChecklistTemplate, answers: Answers): Recommendation[] {
  return criteriaOf(template).flatMap(({ dimension, criterion }) => {
    const answer = answers[criterion.code];
    return answer?.score === 0 ? [{ dimension, criterion, answer }] : [];
  });
}

/**
 * How a criterion moved from one evaluation to the next:
 * - `improved` / `worse` / `same`: scored both times (or "not applicable" both times);
 * - `new`: answered now, and not before (unanswered, not in that template, or newly
 *   applicable after "not applicable");
 * - `not-applicable`: scored before, "not applicable" now;
 * - `unanswered`: not answered now.
 */
export const CRITERION_CHANGES = [
  'improved',
  'worse',
  'same',
  'new',
  'not-applicable',
  'unanswered',
] as const;
export type CriterionChange = (typeof CRITERION_CHANGES)[number];

export interface CriterionComparison {
  code: string;
  dimension: DimensionCode;
  /** As worded in the later evaluation's template (the earlier one's if it was dropped). */
  criterion: Criterion;
  before: Score | undefined;
  after: Score | undefined;
  inBefore: boolean;
  inAfter: boolean;
  change: CriterionChange;
}

export interface ScoredEvaluation {
  template: ChecklistTemplate;
  answers: Answers;
}

export interface DimensionComparison {
  code: DimensionCode;
  before: ScoreSummary | null;
  after: ScoreSummary | null;
  /** Percentage points gained (negative: lost); null unless both have a percentage. */
  delta: number | null;
}

export interface EvaluationComparison {
  criteria: CriterionComparison[];
  dimensions: DimensionComparison[];
  overall: { before: ScoreSummary; after: ScoreSummary; delta: number | null };
  counts: Record<CriterionChange, number>;
}

export function criterionChange(
  before: Score | undefined,
  after: Score | undefined,
): CriterionChange {
  if (after === undefined) return 'unanswered';
  if (before === undefined) return 'new';
  if (isScored(before) && isScored(after)) {
    return after > before ? 'improved' : after < before ? 'worse' : 'same';
  }
  if (before === 'na' && after === 'na') return 'same';
  return after === 'na' ? 'not-applicable' : 'new';
}

const delta = (before: number | null | undefined, after: number | null | undefined) =>
  before === null || before === undefined || after === null || after === undefined
    ? null
    : after - before;

/** Two evaluations of one programme side by side (`before`: the earlier draft). */
export function compareEvaluations(
  before: ScoredEvaluation,
  after: ScoredEvaluation,
): EvaluationComparison {
  const earlier = new Map(criteriaOf(before.template).map((c) => [c.criterion.code, c]));
  const later = criteriaOf(after.template);
  const laterCodes = new Set(later.map((c) => c.criterion.code));
  const row = (
    dimension: DimensionCode,
    criterion: Criterion,
    inBefore: boolean,
    inAfter: boolean,
  ): CriterionComparison => {
    const was = inBefore ? before.answers[criterion.code]?.score : undefined;
    const is = inAfter ? after.answers[criterion.code]?.score : undefined;
    return {
      code: criterion.code,
      dimension,
      criterion,
      before: was,
      after: is,
      inBefore,
      inAfter,
      change: criterionChange(was, is),
    };
  };
  const criteria = DIMENSION_CODES.flatMap((code) => [
    ...later
      .filter((c) => c.dimension === code)
      .map((c) => row(code, c.criterion, earlier.has(c.criterion.code), true)),
    ...[...earlier.values()]
      .filter((c) => c.dimension === code && !laterCodes.has(c.criterion.code))
      .map((c) => row(code, c.criterion, true, false)),
  ]);

  const scoresBefore = new Map(
    dimensionScores(before.template, before.answers).map((d) => [d.code, d]),
  );
  const scoresAfter = new Map(
    dimensionScores(after.template, after.answers).map((d) => [d.code, d]),
  );
  const dimensions = DIMENSION_CODES.filter(
    (code) => scoresBefore.has(code) || scoresAfter.has(code),
  ).map((code) => {
    const b = scoresBefore.get(code) ?? null;
    const a = scoresAfter.get(code) ?? null;
    return { code, before: b, after: a, delta: delta(b?.percent, a?.percent) };
  });
  const overallBefore = overallScore(before.template, before.answers);
  const overallAfter = overallScore(after.template, after.answers);
  const counts = Object.fromEntries(CRITERION_CHANGES.map((c) => [c, 0])) as Record<
    CriterionChange,
    number
  >;
  for (const c of criteria) counts[c.change] += 1;
  return {
    criteria,
    dimensions,
    overall: {
      before: overallBefore,
      after: overallAfter,
      delta: delta(overallBefore.percent, overallAfter.percent),
    },
    counts,
  };
}

interface IdRecord<Body> {
  id: string;
  body: Body;
}

/** The evaluations whose bodies are valid, parsed (a record from elsewhere is left out). */
function readable(evaluations: readonly IdRecord<Record<string, unknown>>[]) {
  return evaluations.flatMap(({ id, body }) => {
    const parsed = evaluationSchema.safeParse(body);
    return parsed.success ? [{ id, body: parsed.data }] : [];
  });
}

/** Newest first: by date, then by id (device ids are time-ordered UUIDv7). */
const newestFirst = (a: IdRecord<Evaluation>, b: IdRecord<Evaluation>) =>
  b.body.date.localeCompare(a.body.date) || b.id.localeCompare(a.id);

/**
 * The programmes (municipalities and districts, by territory) with at least one final
 * evaluation, each with its final evaluations oldest first: the work plan's "drafts
 * evaluated" actual is their number. Drafts never count; a programme evaluated twice
 * (first draft and revised draft) counts once.
 */
export function evaluatedProgrammes(
  evaluations: readonly IdRecord<Record<string, unknown>>[],
): EvaluatedProgramme[] {
  const byTerritory = new Map<string, EvaluatedProgramme>();
  for (const { id, body } of readable(evaluations)) {
    if (body.status !== 'final') continue;
    const programme = byTerritory.get(body.territoryId) ?? {
      territoryId: body.territoryId,
      records: [],
    };
    programme.records.push({
      type: 'evaluation',
      id,
      districtId: body.districtId,
      territoryIds: [body.territoryId],
      date: body.date,
    });
    byTerritory.set(body.territoryId, programme);
  }
  const programmes = [...byTerritory.values()];
  for (const p of programmes) {
    p.records.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  }
  return programmes.sort((a, b) => a.territoryId.localeCompare(b.territoryId));
}

/** One evaluated programme in the table: its latest final evaluation and its scores. */
export interface ProgrammeRow {
  territoryId: string;
  districtId: string;
  /** The latest final evaluation (by date). */
  evaluationId: string;
  draftLabel: string;
  date: string;
  /** Final evaluations of this programme. */
  evaluations: number;
  /** False when that evaluation's template version is not available. */
  scored: boolean;
  dimensions: Record<DimensionCode, number | null>;
  overall: number | null;
}

/** Every programme with a final evaluation, scored by its latest one. */
export function programmeTable(
  evaluations: readonly IdRecord<Record<string, unknown>>[],
  templates: readonly TemplateVersion[],
): ProgrammeRow[] {
  const byId = new Map(templates.map((t) => [t.id, t.body]));
  const finals = readable(evaluations)
    .filter((e) => e.body.status === 'final')
    .sort(newestFirst);
  const rows = new Map<string, ProgrammeRow>();
  for (const { id, body } of finals) {
    const seen = rows.get(body.territoryId);
    if (seen) {
      seen.evaluations += 1;
      continue;
    }
    const template = byId.get(body.templateId);
    rows.set(body.territoryId, {
      territoryId: body.territoryId,
      districtId: body.districtId,
      evaluationId: id,
      draftLabel: body.draftLabel,
      date: body.date,
      evaluations: 1,
      scored: Boolean(template),
      dimensions: template ? dimensionPercents(template, body.answers) : noPercents(),
      overall: template ? overallScore(template, body.answers).percent : null,
    });
  }
  return [...rows.values()];
}
