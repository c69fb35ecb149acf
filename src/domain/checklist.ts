/**
 * Evaluation checklists of draft programmes (DOMAIN.md, "Evaluation of a draft SEDP").
 *
 * - A `checklist-template` record is one published version of a template family (`key`):
 *   dimensions, criteria with their texts in the three languages, guidance and weight.
 *   A published version is never rewritten: publishing = a new record with version + 1.
 * - An `evaluation` record is one expert evaluation of one draft of a municipality's or
 *   district's programme, scored against the template version it names (`templateId`),
 *   which it keeps for good: later versions never change a finished evaluation.
 * Scores, progress, recommendations and comparisons are in checklist-score.ts.
 */
import * as z from 'zod/mini';
import {
  CODE_PATTERN,
  id,
  isoDate,
  longText,
  requiredText,
  SHA256_PATTERN,
  texts,
} from './schema-parts.ts';

/** The four dimensions of the terms of reference, in their order. */
export const DIMENSION_CODES = [
  'inclusivity',
  'gender-equity',
  'methodology',
  'data-completeness',
] as const;
export type DimensionCode = (typeof DIMENSION_CODES)[number];

/** A criterion is answered 0 (no), 0.5 (partly), 1 (yes) or "not applicable". */
export const SCORES = [0, 0.5, 1, 'na'] as const;
export type Score = (typeof SCORES)[number];

export const EVALUATION_STATUSES = ['draft', 'final'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** The family of the starting template (DOMAIN.md). */
export const SEDP_TEMPLATE_KEY = 'sedp-evaluation';

export const MAX_CRITERIA = 200;

const code = z.string().check(z.regex(CODE_PATTERN, 'lower-case letters, digits and dashes'));
const sha256 = z.string().check(z.regex(SHA256_PATTERN, 'a SHA-256 in lower-case hex'));

export const criterionSchema = z.strictObject({
  /** Stable across versions: evaluations answer by it, comparisons match by it. */
  code,
  text: texts(1_000),
  /** What to look at, what counts as evidence. */
  guidance: z.optional(texts(2_000)),
  /** Weight within its dimension; 1 when absent. */
  weight: z.optional(z.number().check(z.positive(), z.maximum(100))),
});
export type Criterion = z.infer<typeof criterionSchema>;

export const dimensionSchema = z.strictObject({
  code: z.enum(DIMENSION_CODES),
  title: texts(200),
  criteria: z.array(criterionSchema).check(z.minLength(1), z.maxLength(MAX_CRITERIA)),
});
export type Dimension = z.infer<typeof dimensionSchema>;

export const checklistTemplateSchema = z
  .strictObject({
    key: code,
    version: z.number().check(z.int(), z.positive(), z.maximum(1_000_000)),
    publishedAt: isoDate,
    title: texts(200),
    dimensions: z.array(dimensionSchema).check(z.minLength(1), z.maxLength(DIMENSION_CODES.length)),
  })
  .check(
    z.refine((t) => new Set(t.dimensions.map((d) => d.code)).size === t.dimensions.length, {
      message: 'a dimension appears twice',
      path: ['dimensions'],
    }),
    z.refine(
      (t) => {
        const codes = t.dimensions.flatMap((d) => d.criteria.map((c) => c.code));
        return new Set(codes).size === codes.length && codes.length <= MAX_CRITERIA;
      },
      { message: 'criterion codes must be unique in a template', path: ['dimensions'] },
    ),
  );
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;

export interface ChecklistTemplateSeed extends ChecklistTemplate {
  id: string;
}

export const answerSchema = z.strictObject({
  /** Absent while only a comment or evidence has been noted: the criterion is unanswered. */
  score: z.optional(z.union([z.literal(0), z.literal(0.5), z.literal(1), z.literal('na')])),
  comment: z.optional(longText(4_000)),
  /** Where the evidence is: document, page, what was seen. */
  evidence: z.optional(longText(4_000)),
  /** A photo of the evidence, by the SHA-256 of its bytes (an attachment). */
  photo: z.optional(sha256),
});
export type Answer = z.infer<typeof answerSchema>;
export type Answers = Record<string, Answer>;

export const evaluationSchema = z
  .strictObject({
    districtId: id,
    /** The municipality whose programme it is, or the district itself for its own. */
    territoryId: id,
    /** Which draft: its version or date, as the municipality labels it. */
    draftLabel: requiredText(120),
    evaluator: requiredText(200),
    date: isoDate,
    /** The record id of the template version it is scored against (kept for good). */
    templateId: id,
    answers: z.record(code, answerSchema),
    status: z.enum(EVALUATION_STATUSES),
  })
  .check(
    z.refine((e) => Object.keys(e.answers).length <= MAX_CRITERIA, {
      message: 'too many answers',
      path: ['answers'],
    }),
  );
export type Evaluation = z.infer<typeof evaluationSchema>;

/** A template version with its record id. */
export interface TemplateVersion {
  id: string;
  body: ChecklistTemplate;
}

/** The newest version of a template family (highest version; ties by date, then id). */
export function latestTemplate(
  templates: readonly TemplateVersion[],
  key: string = SEDP_TEMPLATE_KEY,
): TemplateVersion | undefined {
  let latest: TemplateVersion | undefined;
  for (const template of templates) {
    if (template.body.key !== key) continue;
    if (!latest || compareVersions(template, latest) > 0) latest = template;
  }
  return latest;
}

function compareVersions(a: TemplateVersion, b: TemplateVersion): number {
  return (
    a.body.version - b.body.version ||
    a.body.publishedAt.localeCompare(b.body.publishedAt) ||
    a.id.localeCompare(b.id)
  );
}

/** Versions of a family, newest first. */
export function templateVersions(
  templates: readonly TemplateVersion[],
  key: string = SEDP_TEMPLATE_KEY,
): TemplateVersion[] {
  return templates.filter((t) => t.body.key === key).sort((a, b) => compareVersions(b, a));
}

/** Every criterion of a template in order, with its dimension. */
export function criteriaOf(template: ChecklistTemplate) {
  return template.dimensions.flatMap((dimension) =>
    dimension.criteria.map((criterion) => ({ dimension: dimension.code, criterion })),
  );
}

/** The weight a criterion counts with. */
export const weightOf = (criterion: Pick<Criterion, 'weight'>): number => criterion.weight ?? 1;

/** A new, empty evaluation (a draft) against a template version. */
export function newEvaluation(input: {
  districtId: string;
  territoryId: string;
  draftLabel: string;
  evaluator: string;
  date: string;
  templateId: string;
}): Evaluation {
  return {
    districtId: input.districtId,
    territoryId: input.territoryId,
    draftLabel: input.draftLabel.trim(),
    evaluator: input.evaluator.trim(),
    date: input.date,
    templateId: input.templateId,
    answers: {},
    status: 'draft',
  };
}

/**
 * An answer changed: blank comments and evidence are dropped, and an answer left with
 * nothing at all is removed, so the record holds only what was given.
 */
export function withAnswer(answers: Answers, criterionCode: string, answer: Answer): Answers {
  const next: Answer = {};
  if (answer.score !== undefined) next.score = answer.score;
  if (answer.comment?.trim()) next.comment = answer.comment;
  if (answer.evidence?.trim()) next.evidence = answer.evidence;
  if (answer.photo) next.photo = answer.photo;
  const { [criterionCode]: _old, ...rest } = answers;
  return Object.keys(next).length > 0 ? { ...rest, [criterionCode]: next } : rest;
}

/** The criteria (codes) of the template still without a score: finishing needs none. */
export function unansweredCriteria(template: ChecklistTemplate, answers: Answers): string[] {
  return criteriaOf(template)
    .map(({ criterion }) => criterion.code)
    .filter((c) => answers[c]?.score === undefined);
}

/**
 * The next version of a template from an edited copy: version one above the newest of its
 * family, published today. The edited copy keeps its dimensions and criteria as given.
 */
export function nextTemplateVersion(
  edited: ChecklistTemplate,
  family: readonly TemplateVersion[],
  publishedAt: string,
): ChecklistTemplate {
  const newest = Math.max(
    edited.version,
    ...family.filter((t) => t.body.key === edited.key).map((t) => t.body.version),
  );
  return { ...edited, version: newest + 1, publishedAt };
}
