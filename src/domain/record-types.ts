/**
 * The one registry of synced record types: each type's body schema and who may write and
 * read it. The server validates every pushed body here; the device validates before saving
 * (the record repository) and before importing a backup. A new record type is declared
 * here, and only here: its name and body type follow from its entry (`RecordBodies`).
 */
// zod/mini: the same validation as zod, a fraction of the size in the app's bundle.
import * as z from 'zod/mini';
import { checklistTemplateSchema, evaluationSchema } from './checklist.ts';
import { hearingSchema } from './hearing.ts';
import { lessonsReportSchema } from './lessons-report.ts';
import { milestoneSchema } from './milestone.ts';
import { referenceItemSchema } from './reference-list.ts';
import { id, longText, requiredText } from './schema-parts.ts';
import { territorySchema } from './territory.ts';
import { trainingSchema } from './training.ts';
import { workPlanActivitySchema } from './work-plan.ts';

/**
 * - `reference`: shared reference data (territories, work plan, templates): every user
 *   pulls it, only admins write it.
 * - `district`: field records that belong to a district (`body.districtId`): a consultant
 *   writes and pulls only those of the districts assigned to them; admins and
 *   coordinators see all.
 */
export type RecordScope = 'reference' | 'district';

export interface RecordTypeDefinition {
  type: string;
  scope: RecordScope;
  schema: z.ZodMiniType<Record<string, unknown>>;
  /**
   * Published once and never changed or deleted (a checklist template version: finished
   * evaluations name it); a change is published as a new record.
   */
  immutable?: boolean;
}

/** A lessons-learned note a consultant attaches to a district or municipality. */
export const lessonsNoteSchema = z.strictObject({
  districtId: id,
  municipalityId: z.optional(id),
  title: requiredText(200),
  text: longText(20_000),
});
export type LessonsNote = z.infer<typeof lessonsNoteSchema>;

export const RECORD_TYPES = {
  'checklist-template': {
    type: 'checklist-template',
    scope: 'reference',
    schema: checklistTemplateSchema,
    immutable: true,
  },
  evaluation: { type: 'evaluation', scope: 'district', schema: evaluationSchema },
  hearing: { type: 'hearing', scope: 'district', schema: hearingSchema },
  'lessons-note': { type: 'lessons-note', scope: 'district', schema: lessonsNoteSchema },
  'lessons-report': { type: 'lessons-report', scope: 'district', schema: lessonsReportSchema },
  milestone: { type: 'milestone', scope: 'district', schema: milestoneSchema },
  'reference-item': { type: 'reference-item', scope: 'reference', schema: referenceItemSchema },
  territory: { type: 'territory', scope: 'reference', schema: territorySchema },
  training: { type: 'training', scope: 'district', schema: trainingSchema },
  'work-plan-activity': {
    type: 'work-plan-activity',
    scope: 'reference',
    schema: workPlanActivitySchema,
  },
} satisfies Readonly<Record<string, RecordTypeDefinition>>;

/** The name of a registered record type: `'hearing'`, `'training'`, ... */
export type RecordTypeName = keyof typeof RECORD_TYPES;

/** Each record type's body, as its schema reads it: `RecordBodies['hearing']` is a Hearing. */
export type RecordBodies = {
  [Name in RecordTypeName]: z.infer<(typeof RECORD_TYPES)[Name]['schema']>;
};

/** The body of a record of type `Name`. */
export type BodyOf<Name extends RecordTypeName> = RecordBodies[Name];

export function isRecordTypeName(type: string): type is RecordTypeName {
  return Object.hasOwn(RECORD_TYPES, type);
}

export function recordTypeDefinition(type: string): RecordTypeDefinition | undefined {
  return isRecordTypeName(type) ? RECORD_TYPES[type] : undefined;
}

/** The district a record of a district-scoped type belongs to. */
export function districtOf(body: Record<string, unknown>): string | undefined {
  return typeof body.districtId === 'string' ? body.districtId : undefined;
}
