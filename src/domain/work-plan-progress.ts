/**
 * Work-plan progress: each activity's actual figure derived from records, and its status.
 *
 * What each measure counts (distinct units, so a second record of the same programme never
 * counts twice):
 * - `towns-trained`: towns with at least one held training of their representatives
 *   (see training-evidence below).
 * - `drafts-submitted`: municipalities and districts with a `draft-submitted` milestone.
 * - `drafts-evaluated`: programmes (municipalities and districts) with a final evaluation
 *   checklist OR an `evaluated` milestone: evaluations made outside the app are recorded as
 *   milestones, and a programme evaluated both ways still counts once.
 * - `council-approvals`: municipalities and districts with an `approved` milestone.
 * - `report`: final project-wide lessons-learned reports (a district's own report does not
 *   count: the terms of reference ask for one report on the whole project).
 * - `presentation`: project-wide reports whose presentation date is recorded.
 * The territorial filters and the period narrow the first four (by the record's place and
 * date); the report and the presentation belong to the whole project and are never filtered.
 */
import {
  type DashboardFilter,
  type DistrictScope,
  matchesFilter,
  type Placed,
} from './dashboard-filter.ts';
import type { LessonsReport } from './lessons-report.ts';
import type { Milestone, MilestoneKind } from './milestone.ts';
import type { TerritoryTree } from './territory-tree.ts';
import { deadlinePassed, WORK_PLAN_MEASURES, type WorkPlanActivity } from './work-plan.ts';

export type WorkPlanMeasure = (typeof WORK_PLAN_MEASURES)[number];
export type ProgressStatus = 'done' | 'late' | 'on-track';

/** A record behind a figure, with where and when it belongs. */
export interface EvidenceRecord extends Placed {
  type: string;
  id: string;
}

/** One counted unit (a town, a programme, a report) and the records that make it count. */
export interface EvidenceItem {
  /** The counted unit: a territory id, or a report's id. */
  key: string;
  /** The territory counted, when the unit is one. */
  territoryId?: string;
  records: EvidenceRecord[];
}

export type Evidence = Record<WorkPlanMeasure, EvidenceItem[]>;

export interface ActivityProgress {
  id: string;
  activity: WorkPlanActivity;
  actual: number;
  status: ProgressStatus;
  evidence: EvidenceItem[];
}

interface IdRecord<Body> {
  id: string;
  body: Body;
}

/** Done when the actual reaches the target; late when the deadline passed before that. */
export function activityStatus(
  actual: number,
  target: number,
  deadline: string,
  today: Date,
): ProgressStatus {
  if (actual >= target) return 'done';
  return deadlinePassed(deadline, today) ? 'late' : 'on-track';
}

/** Groups records by the unit they count for; records oldest first, units by key. */
export function groupEvidence(records: readonly (EvidenceRecord & { key: string })[]) {
  const byKey = new Map<string, EvidenceItem>();
  for (const { key, ...record } of records) {
    const item = byKey.get(key) ?? { key, territoryId: record.territoryIds[0], records: [] };
    item.records.push(record);
    byKey.set(key, item);
  }
  for (const item of byKey.values()) {
    item.records.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  }
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

const milestoneRecord = ({ id, body }: IdRecord<Milestone>) => ({
  key: body.territoryId,
  type: 'milestone',
  id,
  districtId: body.districtId,
  territoryIds: [body.territoryId],
  date: body.date,
});

/** Programmes (territories) with a milestone of this kind. */
export function milestoneEvidence(
  milestones: readonly IdRecord<Milestone>[],
  kind: MilestoneKind,
): EvidenceItem[] {
  return groupEvidence(milestones.filter((m) => m.body.kind === kind).map(milestoneRecord));
}

/** A programme found evaluated by a checklist (see checklist integration in the dashboard). */
export interface EvaluatedProgramme {
  territoryId: string;
  records: EvidenceRecord[];
}

/** Programmes evaluated by a final checklist or marked by an `evaluated` milestone. */
export function evaluatedEvidence(
  milestones: readonly IdRecord<Milestone>[],
  evaluated: readonly EvaluatedProgramme[],
): EvidenceItem[] {
  return groupEvidence([
    ...evaluated.flatMap((p) => p.records.map((r) => ({ ...r, key: p.territoryId }))),
    ...milestones.filter((m) => m.body.kind === 'evaluated').map(milestoneRecord),
  ]);
}

/** Project-wide reports: final ones for `report`, presented ones for `presentation`. */
export function reportEvidence(
  reports: readonly (IdRecord<LessonsReport> & { updatedAt: string })[],
  measure: 'report' | 'presentation',
): EvidenceItem[] {
  return reports
    .filter((r) => !r.body.districtId)
    .filter((r) => (measure === 'report' ? r.body.status === 'final' : Boolean(r.body.presentedOn)))
    .map((r) => ({
      key: r.id,
      records: [
        {
          type: 'lessons-report',
          id: r.id,
          districtId: '',
          territoryIds: [],
          date: (measure === 'presentation' && r.body.presentedOn) || r.updatedAt.slice(0, 10),
        },
      ],
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

const PROJECT_WIDE: readonly WorkPlanMeasure[] = ['report', 'presentation'];

/** The evidence within the filter: records outside it drop, and units left with none. */
export function filterEvidence(
  evidence: Evidence,
  filter: DashboardFilter,
  scope: DistrictScope,
  tree: TerritoryTree,
): Evidence {
  const out = {} as Evidence;
  for (const measure of WORK_PLAN_MEASURES) {
    out[measure] = PROJECT_WIDE.includes(measure)
      ? evidence[measure]
      : evidence[measure]
          .map((item) => ({
            ...item,
            records: item.records.filter((r) => matchesFilter(r, filter, scope, tree)),
          }))
          .filter((item) => item.records.length > 0);
  }
  return out;
}

/** Each activity of the plan, in its order, with its actual, status and the records behind. */
export function workPlanProgress(
  activities: readonly IdRecord<WorkPlanActivity>[],
  evidence: Evidence,
  today: Date,
): ActivityProgress[] {
  return [...activities]
    .sort((a, b) => a.body.number - b.body.number)
    .map(({ id, body }) => {
      const items = evidence[body.measure];
      return {
        id,
        activity: body,
        actual: items.length,
        status: activityStatus(items.length, body.target, body.deadline, today),
        evidence: items,
      };
    });
}
