/**
 * Integration point: trainings and evaluation checklists as the dashboard counts them.
 *
 * Their records belong to their own modules (training.ts, checklist*.ts, validated there
 * and on the server). The dashboard reads only the few fields it needs through the view
 * below, so it counts trainings as soon as they are recorded; a record that does not have
 * them is left out rather than guessed at.
 *
 * To wire in the owners' own derivations when they exist:
 * - `trainedTownEvidence`: use `trainedTowns(trainings, territories)` from training.ts;
 */
import * as z from 'zod/mini';
import { attendanceFigures, attendanceSchema } from './attendance.ts';
import { evaluatedProgrammes } from './checklist-score.ts';
import type { AttendanceSource } from './gender-figures.ts';
import type { Milestone } from './milestone.ts';
import type { TerritoryNode } from './territory-tree.ts';
import { type EvidenceItem, evaluatedEvidence, groupEvidence } from './work-plan-progress.ts';

interface IdRecord<Body> {
  id: string;
  body: Body;
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** What the dashboard reads of a training: where, when, whether held, and who came. */
const trainingView = z.object({
  districtId: z.string().check(z.minLength(1)),
  municipalityIds: z.array(z.string()),
  status: z.string(),
  dates: z.unknown(),
  attendance: attendanceSchema,
  title: z.optional(z.unknown()),
  topic: z.optional(z.unknown()),
});
export type TrainingView = z.infer<typeof trainingView> & { firstDay: string; lastDay: string };

/** The days of a training, however they are kept: a list of dates or a first and last day. */
function daysOf(dates: unknown): string[] {
  const all = (Array.isArray(dates) ? dates : typeof dates === 'string' ? [dates] : [])
    .concat(
      dates && typeof dates === 'object' && !Array.isArray(dates)
        ? Object.values(dates as Record<string, unknown>)
        : [],
    )
    .filter((d): d is string => typeof d === 'string' && isoDate.test(d));
  return [...new Set(all)].sort();
}

/** A training as the dashboard sees it, or null when it lacks what the figures need. */
export function readTraining(body: Record<string, unknown>): TrainingView | null {
  const parsed = trainingView.safeParse(body);
  if (!parsed.success) return null;
  const days = daysOf(parsed.data.dates);
  const firstDay = days[0];
  const lastDay = days.at(-1);
  return firstDay && lastDay ? { ...parsed.data, firstDay, lastDay } : null;
}

/** Held trainings, readable ones only. */
export function heldTrainings(
  trainings: readonly IdRecord<Record<string, unknown>>[],
): IdRecord<TrainingView>[] {
  return trainings.flatMap(({ id, body }) => {
    const view = readTraining(body);
    return view && view.status === 'held' ? [{ id, body: view }] : [];
  });
}

/** Held trainings as attendance sources (counted from their first day). */
export function trainingSources(
  trainings: readonly IdRecord<Record<string, unknown>>[],
): AttendanceSource[] {
  return heldTrainings(trainings).map(({ id, body }) => ({
    kind: 'training',
    id,
    districtId: body.districtId,
    territoryIds: body.municipalityIds,
    date: body.firstDay,
    figures: attendanceFigures(body.attendance),
    participants: body.attendance.participants,
  }));
}

/**
 * Towns whose representatives were trained (work-plan measure `towns-trained`): a town
 * counts once a held training served it, or someone from it attended one.
 */
export function trainedTownEvidence(
  trainings: readonly IdRecord<Record<string, unknown>>[],
  territories: readonly TerritoryNode[],
): EvidenceItem[] {
  // Each town with its district: someone from Kerben may attend a training in Nooken.
  const towns = new Map(
    territories
      .filter((t) => t.kind === 'municipality' && t.municipalityType === 'town')
      .map((t) => [t.id, t.parentId ?? '']),
  );
  return groupEvidence(
    heldTrainings(trainings).flatMap(({ id, body }) => {
      const served = new Set([
        ...body.municipalityIds,
        ...body.attendance.participants.flatMap((p) =>
          p.municipalityId ? [p.municipalityId] : [],
        ),
      ]);
      return [...served]
        .filter((townId) => towns.has(townId))
        .map((townId) => ({
          key: townId,
          type: 'training',
          id,
          districtId: towns.get(townId) || body.districtId,
          territoryIds: [townId],
          date: body.firstDay,
        }));
    }),
  );
}

/**
 * Programmes evaluated: those with a final evaluation checklist, and those whose stage was
 * recorded as `evaluated` (an evaluation made on paper), each programme once.
 */
export function evaluatedProgrammeEvidence(
  milestones: readonly IdRecord<Milestone>[],
  evaluations: readonly IdRecord<Record<string, unknown>>[],
): EvidenceItem[] {
  return evaluatedEvidence(milestones, evaluatedProgrammes(evaluations));
}
