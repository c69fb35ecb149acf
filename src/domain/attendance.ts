/**
 * Attendance, shared by public hearings and trainings: a live tally (women, men, and how
 * many of them belong to each group) plus an optional list of named participants. The
 * groups (youth, elderly, ...) are reference data (`reference-item`, list
 * `participant-group`), so counts are keyed by the group's code.
 */
import * as z from 'zod/mini';
import {
  code,
  count as countUpTo,
  id,
  isoDate,
  requiredText,
  shortText,
  trimmedText,
} from './schema-parts.ts';

/** The most anyone can count in one sitting: well above any village hall. */
export const MAX_COUNT = 100_000;
/** Named participants per hearing or training. */
export const MAX_PARTICIPANTS = 2_000;

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

const count = countUpTo(MAX_COUNT);

export const tallySchema = z.strictObject({
  women: count,
  men: count,
  /** Participants counted in each group; groups overlap (a young woman with a disability). */
  groups: z.record(code, count),
});
export type Tally = z.infer<typeof tallySchema>;

export const participantSchema = z.strictObject({
  /** Stable within its hearing or training, so edits and the roster survive reordering. */
  id,
  name: requiredText(200),
  sex: z.enum(SEXES),
  groups: z.array(code).check(z.maxLength(20)),
  /** A `training-position` code. */
  position: z.optional(code),
  organisation: z.optional(shortText),
  municipalityId: z.optional(id),
  phone: z.optional(trimmedText(40)),
  /** Days attended (trainings over several days). */
  days: z.optional(z.array(isoDate).check(z.maxLength(31))),
  /** The same person in another training: the id of the participant they were recognised as. */
  personId: z.optional(id),
});
export type Participant = z.infer<typeof participantSchema>;

export const attendanceSchema = z.strictObject({
  tally: tallySchema,
  participants: z.array(participantSchema).check(z.maxLength(MAX_PARTICIPANTS)),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const EMPTY_TALLY: Tally = { women: 0, men: 0, groups: {} };

/** One counter of the tally: women, men, or a group by its code. */
export type TallyKey = 'women' | 'men' | `group:${string}`;

export const groupKey = (groupCode: string): TallyKey => `group:${groupCode}`;

export function countOf(tally: Tally, key: TallyKey): number {
  if (key === 'women' || key === 'men') return tally[key];
  return tally.groups[key.slice(6)] ?? 0;
}

/** The tally with one counter set; clamped to 0..MAX_COUNT, fractions dropped. */
export function setCount(tally: Tally, key: TallyKey, value: number): Tally {
  const next = Number.isFinite(value) ? Math.min(MAX_COUNT, Math.max(0, Math.trunc(value))) : 0;
  if (key === 'women' || key === 'men') return { ...tally, [key]: next };
  const groups = { ...tally.groups };
  if (next === 0) delete groups[key.slice(6)];
  else groups[key.slice(6)] = next;
  return { ...tally, groups };
}

/** A tap on + (1) or - (-1): never below zero. */
export function tap(tally: Tally, key: TallyKey, delta: 1 | -1): Tally {
  return setCount(tally, key, countOf(tally, key) + delta);
}

export function totalOf(counts: Pick<Tally, 'women' | 'men'>): number {
  return counts.women + counts.men;
}

/** Women as a fraction of everyone (0..1), or null when nobody was counted. */
export function womenShare(counts: Pick<Tally, 'women' | 'men'>): number | null {
  const total = totalOf(counts);
  return total === 0 ? null : counts.women / total;
}

/** Group codes counted more often than there are participants: a slip worth a warning. */
export function groupsAboveTotal(tally: Tally): string[] {
  const total = totalOf(tally);
  return Object.entries(tally.groups)
    .filter(([, n]) => n > total)
    .map(([groupCode]) => groupCode);
}

/** The tally a list of named participants adds up to. */
export function tallyOfParticipants(participants: readonly Participant[]): Tally {
  const tally: Tally = { women: 0, men: 0, groups: {} };
  for (const person of participants) {
    if (person.sex === 'female') tally.women += 1;
    else tally.men += 1;
    for (const groupCode of new Set(person.groups)) {
      tally.groups[groupCode] = (tally.groups[groupCode] ?? 0) + 1;
    }
  }
  return tally;
}

export interface TallyDifference {
  key: TallyKey;
  counted: number;
  listed: number;
}

/** Where the live count and the named list disagree (empty when they match or no list). */
export function compareWithList(attendance: Attendance): TallyDifference[] {
  if (attendance.participants.length === 0) return [];
  const listed = tallyOfParticipants(attendance.participants);
  const keys: TallyKey[] = [
    'women',
    'men',
    ...[...new Set([...Object.keys(attendance.tally.groups), ...Object.keys(listed.groups)])]
      .sort()
      .map(groupKey),
  ];
  return keys
    .map((key) => ({ key, counted: countOf(attendance.tally, key), listed: countOf(listed, key) }))
    .filter((d) => d.counted !== d.listed);
}

export interface AttendanceFigures extends Tally {
  total: number;
  /** Where the figures come from: the tally, or the named list when nothing was counted. */
  source: 'tally' | 'list';
}

/**
 * The attendance figures reported for a hearing or training: the tally when anything was
 * counted (the official count of the room), otherwise what the named list adds up to.
 */
export function attendanceFigures(attendance: Attendance): AttendanceFigures {
  const counted = totalOf(attendance.tally) > 0 || Object.keys(attendance.tally.groups).length > 0;
  const tally = counted ? attendance.tally : tallyOfParticipants(attendance.participants);
  return {
    women: tally.women,
    men: tally.men,
    groups: { ...tally.groups },
    total: totalOf(tally),
    source: counted ? 'tally' : 'list',
  };
}

/** Women and men in each group, from the named list (the tally does not split groups by sex). */
export function groupsBySex(
  participants: readonly Participant[],
): Record<string, { women: number; men: number }> {
  const out: Record<string, { women: number; men: number }> = {};
  for (const person of participants) {
    for (const groupCode of new Set(person.groups)) {
      const row = out[groupCode] ?? { women: 0, men: 0 };
      if (person.sex === 'female') row.women += 1;
      else row.men += 1;
      out[groupCode] = row;
    }
  }
  return out;
}

/** Adds figures up, e.g. across hearings of a municipality. */
export function sumFigures(all: readonly Pick<Tally, 'women' | 'men' | 'groups'>[]): Tally & {
  total: number;
} {
  const sum: Tally = { women: 0, men: 0, groups: {} };
  for (const figures of all) {
    sum.women += figures.women;
    sum.men += figures.men;
    for (const [groupCode, n] of Object.entries(figures.groups)) {
      sum.groups[groupCode] = (sum.groups[groupCode] ?? 0) + n;
    }
  }
  return { ...sum, total: totalOf(sum) };
}

/** Undo for the last taps: the tallies before each change, newest last, at most `limit`. */
export interface TallyHistory {
  past: Tally[];
}

export const UNDO_LIMIT = 30;

export function remember(history: TallyHistory, before: Tally, limit = UNDO_LIMIT): TallyHistory {
  return { past: [...history.past, before].slice(-limit) };
}

/** The tally to go back to and the history without it; null when there is nothing to undo. */
export function undo(history: TallyHistory): { tally: Tally; history: TallyHistory } | null {
  const tally = history.past.at(-1);
  return tally ? { tally, history: { past: history.past.slice(0, -1) } } : null;
}

/** Names compared for the duplicate warning: case, spaces and ё/е do not matter. */
export function nameKey(name: string): string {
  return name.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** Participants already listed under the same name (the duplicate-name warning). */
export function sameName(participants: readonly Participant[], name: string, exceptId?: string) {
  const key = nameKey(name);
  return key ? participants.filter((p) => p.id !== exceptId && nameKey(p.name) === key) : [];
}
