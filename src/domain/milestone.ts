/** Programme milestones of a municipality or district: the SEDP process stage by stage. */
import * as z from 'zod/mini';
import { count as countUpTo, id, isoDate, longText, sha256, trimmedText } from './schema-parts.ts';

export const MILESTONE_KINDS = [
  'working-group',
  'profiles',
  'draft-submitted',
  'evaluated',
  'approved',
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

const shortText = trimmedText(120);
const count = countUpTo(10_000);

export const milestoneSchema = z
  .strictObject({
    districtId: id,
    /** The municipality (or the district itself) whose programme this is. */
    territoryId: id,
    kind: z.enum(MILESTONE_KINDS),
    date: isoDate,
    /** Working group: the order that formed it, and its members by sex. */
    orderNumber: z.optional(shortText),
    membersWomen: z.optional(count),
    membersMen: z.optional(count),
    /** Draft submitted: which version. */
    draftVersion: z.optional(shortText),
    /** Council approval: the resolution (токтом / постановление). */
    resolutionNumber: z.optional(shortText),
    /** SHA-256 of an attachment: the signed resolution, a scan or photo. */
    attachment: z.optional(sha256),
    note: z.optional(longText(2_000)),
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
