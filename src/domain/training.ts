/**
 * A training session (обучение / окутуу) of the SEDP methodology: which modules, on which
 * days, where, by whom, for which municipalities, and who attended (see attendance.ts:
 * a roster of named participants, or a quick count by sex and group when names cannot
 * be taken). Totals per session and per municipality feed the dashboard; the towns with
 * trained representatives are the work plan's first indicator.
 */
import * as z from 'zod/mini';
import {
  type Attendance,
  type AttendanceFigures,
  attendanceFigures,
  attendanceSchema,
  EMPTY_TALLY,
  nameKey,
  type Participant,
  type Sex,
  womenShare,
} from './attendance.ts';
import { isoDay } from './local-date.ts';
import { code, id, isoDate, longText, shortText } from './schema-parts.ts';

export const TRAINING_STATUSES = ['planned', 'held'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

/** Days of one training: a workshop rarely runs longer than a week, a course a month. */
export const MAX_TRAINING_DAYS = 31;

export const trainingSchema = z
  .strictObject({
    districtId: id,
    /** The municipalities (towns, aiyl aimaks) the training serves. */
    municipalityIds: z.array(id).check(z.minLength(1), z.maxLength(50)),
    /** `training-module` codes: the SEDP methodology modules covered. */
    moduleCodes: z.array(code).check(z.maxLength(30)),
    /** A title of its own when the modules do not say it all. */
    title: shortText,
    /** The days it runs, in order, each once. */
    dates: z.array(isoDate).check(z.minLength(1), z.maxLength(MAX_TRAINING_DAYS)),
    venue: shortText,
    trainers: shortText,
    notes: longText(10_000),
    status: z.enum(TRAINING_STATUSES),
    attendance: attendanceSchema,
  })
  .check(
    z.refine((t) => t.dates.every((d, i) => i === 0 || d > (t.dates[i - 1] ?? '')), {
      message: 'the days are not in order or one is repeated',
      path: ['dates'],
    }),
    z.refine(
      (t) =>
        new Set(t.attendance.participants.map((p) => p.id)).size ===
        t.attendance.participants.length,
      {
        message: 'two participants share an id',
        path: ['attendance', 'participants'],
      },
    ),
    z.refine(
      (t) =>
        t.attendance.participants.every((p) => (p.days ?? []).every((d) => t.dates.includes(d))),
      { message: 'a participant attended a day the training does not have', path: ['attendance'] },
    ),
  );
export type Training = z.infer<typeof trainingSchema>;

/** A new training: one day (today), for one municipality, nobody listed yet. */
export function newTraining(
  place: { districtId: string; municipalityIds: string[] },
  now: Date,
): Training {
  return {
    ...place,
    moduleCodes: [],
    title: '',
    dates: [isoDay(now)],
    venue: '',
    trainers: '',
    notes: '',
    status: 'planned',
    attendance: { tally: { women: 0, men: 0, groups: {} }, participants: [] },
  };
}

/** What a training is called: its own title, else its modules; '' when it has neither. */
export function trainingTitle(
  training: Pick<Training, 'title' | 'moduleCodes'>,
  moduleName: (code: string) => string,
  separator = ', ',
): string {
  return training.title || training.moduleCodes.map(moduleName).join(separator);
}

/** Days from `from` to `to` inclusive (at most MAX_TRAINING_DAYS), for a multi-day training. */
export function daysBetween(from: string, to: string): string[] {
  const start = new Date(`${from}T12:00:00Z`);
  const end = new Date(`${to}T12:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return [];
  const days: string[] = [];
  for (let d = start; d <= end && days.length < MAX_TRAINING_DAYS; ) {
    days.push(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() + 86_400_000);
  }
  return days;
}

/** Where a participant is counted: their municipality, or the training's only one. */
export function municipalityOf(
  training: Pick<Training, 'municipalityIds'>,
  person?: Pick<Participant, 'municipalityId'>,
): string | undefined {
  return (
    person?.municipalityId ??
    (training.municipalityIds.length === 1 ? training.municipalityIds[0] : undefined)
  );
}

/**
 * The attendance of a training as reported: the roster when anyone is listed (people sign
 * it), otherwise the quick count by sex and group.
 */
export function trainingFigures(attendance: Attendance): AttendanceFigures {
  return attendance.participants.length > 0
    ? attendanceFigures({ tally: EMPTY_TALLY, participants: attendance.participants })
    : attendanceFigures(attendance);
}

export interface SexCounts {
  women: number;
  men: number;
}

export interface TrainingTotals extends SexCounts {
  total: number;
  /** Women's share, 0..1; null when nobody came. */
  womenShare: number | null;
  /** Where the figures come from: the roster, or the quick count. */
  source: 'list' | 'tally';
  /** By position (`training-position` code; '' for none given), from the roster only. */
  byPosition: Record<string, SexCounts>;
  groups: Record<string, number>;
}

const bump = (row: SexCounts | undefined, sex: Sex): SexCounts => ({
  women: (row?.women ?? 0) + (sex === 'female' ? 1 : 0),
  men: (row?.men ?? 0) + (sex === 'male' ? 1 : 0),
});

/**
 * The totals of one session. The roster is the record of a training (people sign it);
 * the quick count stands in when no names were taken.
 */
export function trainingTotals(attendance: Attendance): TrainingTotals {
  const { participants } = attendance;
  const figures = trainingFigures(attendance);
  const byPosition: Record<string, SexCounts> = {};
  for (const person of participants) {
    const key = person.position ?? '';
    byPosition[key] = bump(byPosition[key], person.sex);
  }
  return {
    women: figures.women,
    men: figures.men,
    total: figures.total,
    womenShare: womenShare(figures),
    source: figures.source,
    byPosition,
    groups: figures.groups,
  };
}

export interface MunicipalityTotals extends SexCounts {
  /** '' for people whose municipality is not known (quick counts of multi-town trainings). */
  municipalityId: string;
  total: number;
  byPosition: Record<string, SexCounts>;
  /** The held trainings that counted someone here. */
  trainingIds: string[];
}

/** Attendance of held trainings per municipality, by sex and position. */
export function totalsByMunicipality(
  trainings: readonly { id: string; body: Training }[],
): MunicipalityTotals[] {
  const rows = new Map<string, MunicipalityTotals>();
  const rowOf = (municipalityId: string) => {
    const row = rows.get(municipalityId) ?? {
      municipalityId,
      women: 0,
      men: 0,
      total: 0,
      byPosition: {},
      trainingIds: [],
    };
    rows.set(municipalityId, row);
    return row;
  };
  const add = (row: MunicipalityTotals, trainingId: string, women: number, men: number) => {
    row.women += women;
    row.men += men;
    row.total += women + men;
    if (!row.trainingIds.includes(trainingId)) row.trainingIds.push(trainingId);
  };
  for (const { id, body } of trainings) {
    if (body.status !== 'held') continue;
    const { participants } = body.attendance;
    if (participants.length === 0) {
      const { women, men } = attendanceFigures(body.attendance);
      if (women + men > 0) add(rowOf(municipalityOf(body) ?? ''), id, women, men);
      continue;
    }
    for (const person of participants) {
      const row = rowOf(municipalityOf(body, person) ?? '');
      add(row, id, person.sex === 'female' ? 1 : 0, person.sex === 'male' ? 1 : 0);
      const key = person.position ?? '';
      row.byPosition[key] = bump(row.byPosition[key], person.sex);
    }
  }
  return [...rows.values()].sort((a, b) => a.municipalityId.localeCompare(b.municipalityId));
}

/**
 * The municipalities a held training gave trained representatives: those it served and
 * those its participants came from. A planned training has trained nobody yet.
 */
export function municipalitiesTrained(training: Training): string[] {
  if (training.status !== 'held') return [];
  if (trainingFigures(training.attendance).total === 0) return [];
  return [
    ...new Set([
      ...training.municipalityIds,
      ...training.attendance.participants.flatMap((p) =>
        p.municipalityId ? [p.municipalityId] : [],
      ),
    ]),
  ];
}

/**
 * Which of the given towns (the target towns of the work plan's indicator 1) have trained
 * representatives, each with the held trainings that trained them.
 */
export function trainedTowns(
  trainings: readonly { id: string; body: Training }[],
  townIds: readonly string[],
): Map<string, string[]> {
  const towns = new Set(townIds);
  const out = new Map<string, string[]>();
  for (const { id, body } of trainings) {
    for (const municipalityId of municipalitiesTrained(body)) {
      if (!towns.has(municipalityId)) continue;
      const ids = out.get(municipalityId);
      if (ids) ids.push(id);
      else out.set(municipalityId, [id]);
    }
  }
  return out;
}

/** The identity of a person across trainings: who they were recognised as, or themselves. */
export const personOf = (person: Participant) => person.personId ?? person.id;

export interface KnownPerson {
  personId: string;
  participant: Participant;
  /** The trainings they attended, newest last. */
  trainingIds: string[];
}

/**
 * People from other trainings whose name matches what is being typed: the same name, or
 * a name that starts with it (at least three letters). Suggestions only; a person is
 * linked when the user picks one, never merged on a name alone.
 */
export function suggestPeople(
  trainings: readonly { id: string; body: Pick<Training, 'attendance'> }[],
  typed: string,
  { exceptTrainingId, limit = 5 }: { exceptTrainingId?: string; limit?: number } = {},
): KnownPerson[] {
  const key = nameKey(typed);
  if (key.length < 3) return [];
  const people = new Map<string, KnownPerson>();
  for (const { id, body } of trainings) {
    if (id === exceptTrainingId) continue;
    for (const participant of body.attendance.participants) {
      const name = nameKey(participant.name);
      if (name !== key && !name.startsWith(key)) continue;
      const personId = personOf(participant);
      const known = people.get(personId);
      if (known) known.trainingIds.push(id);
      // The latest entry carries the newest position and organisation.
      people.set(personId, { personId, participant, trainingIds: known?.trainingIds ?? [id] });
    }
  }
  return [...people.values()]
    .sort(
      (a, b) =>
        Number(nameKey(b.participant.name) === key) - Number(nameKey(a.participant.name) === key) ||
        a.participant.name.localeCompare(b.participant.name),
    )
    .slice(0, limit);
}

/** Organisations typed in earlier entries, most recent first, each once: quick picks. */
export function recentOrganisations(participants: readonly Participant[], limit = 6): string[] {
  const seen = new Map<string, string>();
  for (let i = participants.length - 1; i >= 0; i -= 1) {
    const organisation = participants[i]?.organisation?.trim();
    if (!organisation) continue;
    const key = nameKey(organisation);
    if (!seen.has(key)) seen.set(key, organisation);
  }
  return [...seen.values()].slice(0, limit);
}

/** What marking a training held needs beyond a valid record. */
export type HeldProblem = 'attendance' | 'future';

export function heldProblems(training: Training, today: string): HeldProblem[] {
  const problems: HeldProblem[] = [];
  if (trainingFigures(training.attendance).total === 0) problems.push('attendance');
  if ((training.dates[0] ?? '') > today) problems.push('future');
  return problems;
}
