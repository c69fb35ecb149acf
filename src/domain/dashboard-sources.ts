/**
 * Trainings and evaluation checklists as the dashboard counts them. Their records belong
 * to their own modules (training.ts, checklist*.ts, validated there and on the server);
 * a record the device cannot read is left out rather than guessed at.
 */
import { evaluatedProgrammes } from './checklist-score.ts';
import type { AttendanceSource } from './gender-figures.ts';
import type { Milestone } from './milestone.ts';
import type { TerritoryNode } from './territory-tree.ts';
import {
  municipalitiesTrained,
  type Training,
  trainingFigures,
  trainingSchema,
} from './training.ts';
import { type EvidenceItem, evaluatedEvidence, groupEvidence } from './work-plan-progress.ts';

interface IdRecord<Body> {
  id: string;
  body: Body;
}

/** A training as the dashboard reads it: the record with its first and last day. */
export type TrainingView = Training & { firstDay: string; lastDay: string };

/** A training as the dashboard sees it, or null when it is not a valid training. */
export function readTraining(body: Record<string, unknown>): TrainingView | null {
  const parsed = trainingSchema.safeParse(body);
  if (!parsed.success) return null;
  const firstDay = parsed.data.dates[0];
  const lastDay = parsed.data.dates.at(-1);
  return firstDay && lastDay ? { ...parsed.data, firstDay, lastDay } : null;
}

/** The held trainings last read from each list of records (several figures read the same list). */
const heldOf = new WeakMap<
  readonly IdRecord<Record<string, unknown>>[],
  IdRecord<TrainingView>[]
>();

/** Held trainings, readable ones only. Each list is validated once; treat the result as read-only. */
export function heldTrainings(
  trainings: readonly IdRecord<Record<string, unknown>>[],
): IdRecord<TrainingView>[] {
  const known = heldOf.get(trainings);
  if (known) return known;
  const held = trainings.flatMap(({ id, body }) => {
    const view = readTraining(body);
    return view && view.status === 'held' ? [{ id, body: view }] : [];
  });
  heldOf.set(trainings, held);
  return held;
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
    figures: trainingFigures(body.attendance),
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
    heldTrainings(trainings).flatMap(({ id, body }) =>
      municipalitiesTrained(body)
        .filter((townId) => towns.has(townId))
        .map((townId) => ({
          key: townId,
          type: 'training',
          id,
          districtId: towns.get(townId) || body.districtId,
          territoryIds: [townId],
          date: body.firstDay,
        })),
    ),
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
