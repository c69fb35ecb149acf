/** Programme milestones of a municipality or district: the SEDP process stage by stage. */
import * as z from 'zod/mini';

export const MILESTONE_KINDS = [
  'working-group',
  'profiles',
  'draft-submitted',
  'evaluated',
  'approved',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

const id = z.string().check(z.minLength(1), z.maxLength(64));
const shortText = z.string().check(z.trim(), z.maxLength(120));
const count = z.number().check(z.int(), z.nonnegative(), z.maximum(10_000));

export const milestoneSchema = z
  .strictObject({
    districtId: id,
    /** The municipality (or the district itself) whose programme this is. */
    territoryId: id,
    kind: z.enum(MILESTONE_KINDS),
    date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')),
    /** Working group: the order that formed it, and its members by sex. */
    orderNumber: z.optional(shortText),
    membersWomen: z.optional(count),
    membersMen: z.optional(count),
    /** Draft submitted: which version. */
    draftVersion: z.optional(shortText),
    /** Council approval: the resolution (токтом / постановление). */
    resolutionNumber: z.optional(shortText),
    /** SHA-256 of an attachment: the signed resolution, a scan or photo. */
    attachment: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
    note: z.optional(z.string().check(z.maxLength(2_000))),
  })
  .check(
    z.refine((m) => m.kind !== 'approved' || Boolean(m.resolutionNumber?.trim()), {
      message: 'the resolution number is required',
      path: ['resolutionNumber'],
    }),
    z.refine((m) => m.kind !== 'draft-submitted' || Boolean(m.draftVersion?.trim()), {
      message: 'the draft version is required',
      path: ['draftVersion'],
    }),
  );
export type Milestone = z.infer<typeof milestoneSchema>;

export interface StageView {
  kind: MilestoneKind;
  entries: Milestone[];
}

/** The five stages in order, each with its entries oldest first; the last done is current. */
export function programmeTimeline(milestones: readonly Milestone[]) {
  const stages: StageView[] = MILESTONE_KINDS.map((kind) => ({
    kind,
    entries: milestones.filter((m) => m.kind === kind).sort((a, b) => a.date.localeCompare(b.date)),
  }));
  const reached = stages.filter((s) => s.entries.length > 0).map((s) => s.kind);
  return { stages, current: reached.at(-1) ?? null };
}
