/**
 * The exported tables, built from records: hearings with their attendance, the named
 * attendance lists and proposals of hearings, trainings with their rosters, evaluations
 * of draft programmes with their scores, and programme milestones. Headers and coded
 * values come in the user's language through `ExportWords`.
 */
import { attendanceFigures, type Participant, womenShare } from '../domain/attendance.ts';
import { DIMENSION_CODES, type Evaluation, type TemplateVersion } from '../domain/checklist.ts';
import { dimensionPercents, overallScore, recommendations } from '../domain/checklist-score.ts';
import type { TrainingView } from '../domain/dashboard-sources.ts';
import type { Hearing } from '../domain/hearing.ts';
import { proposalStats } from '../domain/hearing.ts';
import type { Milestone } from '../domain/milestone.ts';
import { municipalityOf, trainingFigures, trainingTitle } from '../domain/training.ts';
import type { Cell, ExportTable } from './cell.ts';

export type TermKind =
  | 'stage'
  | 'hearingStatus'
  | 'response'
  | 'milestoneKind'
  | 'sex'
  | 'raisedBy'
  | 'trainingStatus'
  | 'evaluationStatus';

export interface ExportWords {
  /** A column header, by key (`date`, `women`, ...). */
  column: (key: string) => string;
  /** A sheet or file name, by table key (`hearings`, `milestones`, ...). */
  table: (key: string) => string;
  /** A territory's name (an unknown id comes back as it is). */
  territory: (id: string) => string;
  /** The region a district belongs to, by name. */
  regionOf: (districtId: string) => string;
  /** A participant group's or position's name. */
  group: (code: string) => string;
  position: (code: string) => string;
  /** A training module's name. */
  module: (code: string) => string;
  term: (kind: TermKind, code: string) => string;
}

interface IdRecord<Body> {
  id: string;
  body: Body;
}

/** Women's share as a percentage with one decimal, or empty when nobody was counted. */
export function sharePercent(counts: { women: number; men: number }): number | null {
  const share = womenShare(counts);
  return share === null ? null : Math.round(share * 1000) / 10;
}

const place = (w: ExportWords, districtId: string, territoryId: string): Cell[] => [
  w.regionOf(districtId),
  w.territory(districtId),
  territoryId === districtId ? '' : w.territory(territoryId),
];

/** One row per hearing: where, when, who ran it, attendance by sex and group, proposals. */
export function hearingsTable(
  hearings: readonly IdRecord<Hearing>[],
  groupCodes: readonly string[],
  w: ExportWords,
): ExportTable {
  const codes = [...groupCodes];
  for (const { body } of hearings) {
    for (const code of Object.keys(attendanceFigures(body.attendance).groups)) {
      if (!codes.includes(code)) codes.push(code);
    }
  }
  const header = [
    'id',
    'date',
    'region',
    'district',
    'municipality',
    'venue',
    'stage',
    'status',
    'startTime',
    'endTime',
    'organiser',
    'chair',
    'secretary',
    'women',
    'men',
    'total',
    'womenShare',
  ].map(w.column);
  header.push(...codes.map(w.group));
  header.push(
    ...[
      'proposals',
      'accepted',
      'fromWomen',
      'fromWomenAccepted',
      'fromYouth',
      'fromYouthAccepted',
      'decisions',
    ].map(w.column),
  );
  const rows = [...hearings]
    .sort((a, b) => a.body.date.localeCompare(b.body.date) || a.id.localeCompare(b.id))
    .map(({ id, body }) => {
      const figures = attendanceFigures(body.attendance);
      const stats = proposalStats(body.proposals);
      return [
        id,
        body.date,
        ...place(w, body.districtId, body.municipalityId),
        body.venue,
        w.term('stage', body.stage),
        w.term('hearingStatus', body.status),
        body.startTime,
        body.endTime,
        body.organiser,
        body.chair,
        body.secretary,
        figures.women,
        figures.men,
        figures.total,
        sharePercent(figures),
        ...codes.map((code) => figures.groups[code] ?? 0),
        stats.total,
        stats.byResponse.accepted,
        stats.byRaiser.women?.raised ?? 0,
        stats.byRaiser.women?.accepted ?? 0,
        stats.byRaiser.youth?.raised ?? 0,
        stats.byRaiser.youth?.accepted ?? 0,
        body.decisions,
      ];
    });
  return { name: w.table('hearings'), header, rows };
}

/** The named attendance lists of hearings, one row per person. */
export function hearingParticipantsTable(
  hearings: readonly IdRecord<Hearing>[],
  w: ExportWords,
): ExportTable {
  const header = [
    'hearingId',
    'date',
    'municipality',
    'name',
    'sex',
    'groups',
    'position',
    'organisation',
  ].map(w.column);
  const rows = hearings.flatMap(({ id, body }) =>
    body.attendance.participants.map((p) => [
      id,
      body.date,
      w.territory(body.municipalityId),
      p.name,
      w.term('sex', p.sex),
      p.groups.map(w.group).join('; '),
      p.position ? w.position(p.position) : '',
      p.organisation,
    ]),
  );
  return { name: w.table('hearingParticipants'), header, rows };
}

/** Proposals of hearings: who raised each, and the response. */
export function proposalsTable(hearings: readonly IdRecord<Hearing>[], w: ExportWords) {
  const header = [
    'hearingId',
    'date',
    'municipality',
    'proposal',
    'raisedBy',
    'response',
    'reason',
  ].map(w.column);
  const rows = hearings.flatMap(({ id, body }) =>
    body.proposals.map((p) => [
      id,
      body.date,
      w.territory(body.municipalityId),
      p.text,
      p.raisedBy.map((code) => w.term('raisedBy', code)).join('; '),
      w.term('response', p.response),
      p.reason,
    ]),
  );
  return { name: w.table('proposals'), header, rows } satisfies ExportTable;
}

/** Programme milestones, one row each, oldest first. */
export function milestonesTable(
  milestones: readonly IdRecord<Milestone>[],
  w: ExportWords,
): ExportTable {
  const header = [
    'id',
    'date',
    'region',
    'district',
    'municipality',
    'stage',
    'orderNumber',
    'membersWomen',
    'membersMen',
    'draftVersion',
    'resolutionNumber',
    'note',
  ].map(w.column);
  const rows = [...milestones]
    .sort((a, b) => a.body.date.localeCompare(b.body.date) || a.id.localeCompare(b.id))
    .map(({ id, body }) => [
      id,
      body.date,
      ...place(w, body.districtId, body.territoryId),
      w.term('milestoneKind', body.kind),
      body.orderNumber,
      body.membersWomen,
      body.membersMen,
      body.draftVersion,
      body.resolutionNumber,
      body.note,
    ]);
  return { name: w.table('milestones'), header, rows };
}

const titleOf = (training: TrainingView, w: ExportWords) => trainingTitle(training, w.module, '; ');

/** One row per training: where, when, status and attendance by sex. */
export function trainingsTable(
  trainings: readonly IdRecord<TrainingView>[],
  w: ExportWords,
): ExportTable {
  const header = [
    'id',
    'title',
    'startDate',
    'endDate',
    'region',
    'district',
    'municipality',
    'status',
    'women',
    'men',
    'total',
    'womenShare',
  ].map(w.column);
  const rows = [...trainings]
    .sort((a, b) => a.body.firstDay.localeCompare(b.body.firstDay) || a.id.localeCompare(b.id))
    .map(({ id, body }) => {
      const figures = trainingFigures(body.attendance);
      return [
        id,
        titleOf(body, w),
        body.firstDay,
        body.lastDay,
        w.regionOf(body.districtId),
        w.territory(body.districtId),
        body.municipalityIds.map(w.territory).join('; '),
        w.term('trainingStatus', body.status),
        figures.women,
        figures.men,
        figures.total,
        sharePercent(figures),
      ];
    });
  return { name: w.table('trainings'), header, rows };
}

const placeOf = (training: TrainingView, person: Participant, w: ExportWords) => {
  const municipalityId = municipalityOf(training, person);
  return municipalityId ? w.territory(municipalityId) : '';
};

/** Training rosters: one row per participant. */
export function trainingRosterTable(
  trainings: readonly IdRecord<TrainingView>[],
  w: ExportWords,
): ExportTable {
  const header = [
    'trainingId',
    'title',
    'startDate',
    'municipality',
    'name',
    'sex',
    'groups',
    'position',
    'organisation',
    'days',
  ].map(w.column);
  const rows = trainings.flatMap(({ id, body }) =>
    body.attendance.participants.map((p) => [
      id,
      titleOf(body, w),
      body.firstDay,
      placeOf(body, p, w),
      p.name,
      w.term('sex', p.sex),
      p.groups.map(w.group).join('; '),
      p.position ? w.position(p.position) : '',
      p.organisation,
      p.days?.length,
    ]),
  );
  return { name: w.table('trainingRoster'), header, rows };
}

/** A score percentage with one decimal, or empty when nothing was scored. */
const percentCell = (percent: number | null): number | null =>
  percent === null ? null : Math.round(percent * 10) / 10;

/**
 * One row per evaluation of a draft programme: where, which draft, by whom and when, the
 * template version it was scored against, the four dimension percentages (by the
 * dimension codes of that version), the overall percentage and how many criteria scored 0.
 * An evaluation whose template version is not on the device keeps its row, unscored.
 */
export function evaluationsTable(
  evaluations: readonly IdRecord<Evaluation>[],
  templates: readonly TemplateVersion[],
  w: ExportWords,
): ExportTable {
  const byId = new Map(templates.map((t) => [t.id, t.body]));
  const header = [
    'id',
    'region',
    'district',
    'municipality',
    'draftLabel',
    'evaluator',
    'date',
    'status',
    'templateVersion',
    ...DIMENSION_CODES.map((code) => `dimension-${code}`),
    'overall',
    'scoredZero',
  ].map(w.column);
  const rows = [...evaluations]
    .sort((a, b) => a.body.date.localeCompare(b.body.date) || a.id.localeCompare(b.id))
    .map(({ id, body }) => {
      const template = byId.get(body.templateId);
      const percents = template ? dimensionPercents(template, body.answers) : undefined;
      return [
        id,
        ...place(w, body.districtId, body.territoryId),
        body.draftLabel,
        body.evaluator,
        body.date,
        w.term('evaluationStatus', body.status),
        template?.version,
        ...DIMENSION_CODES.map((code) => percentCell(percents?.[code] ?? null)),
        template ? percentCell(overallScore(template, body.answers).percent) : null,
        template ? recommendations(template, body.answers).length : null,
      ];
    });
  return { name: w.table('evaluations'), header, rows };
}
