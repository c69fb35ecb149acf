/**
 * A public hearing (коомдук угуу / публичные слушания) and its minutes: where and when,
 * who ran it, the agenda, speakers, proposals with the response to each, decisions, the
 * attendance (see attendance.ts) and photos of the signed attendance sheet.
 */
import * as z from 'zod/mini';
import { type Attendance, attendanceFigures, attendanceSchema } from './attendance.ts';
import { clockTime, isoDay } from './local-date.ts';
import {
  clock,
  code,
  id,
  isoDate,
  longText,
  requiredText,
  sha256,
  shortText,
} from './schema-parts.ts';

/** The SEDP process stages (DOMAIN.md) a hearing can serve. */
export const PROGRAMME_STAGES = [
  'start',
  'profiles',
  'analysis',
  'participation',
  'priorities',
  'indicators',
  'draft',
  'approval',
  'monitoring',
] as const;
export type ProgrammeStage = (typeof PROGRAMME_STAGES)[number];

export const PROPOSAL_RESPONSES = ['pending', 'accepted', 'rejected', 'considering'] as const;
export type ProposalResponse = (typeof PROPOSAL_RESPONSES)[number];

/** Who raised a proposal: women, men, or a participant group's code. */
export const RAISED_BY_SEX = ['women', 'men'] as const;

export const HEARING_STATUSES = ['draft', 'final'] as const;
export type HearingStatus = (typeof HEARING_STATUSES)[number];

export const PHOTO_KINDS = ['attendance-sheet', 'other'] as const;

export const proposalSchema = z.strictObject({
  id,
  text: requiredText(2_000),
  raisedBy: z.array(code).check(z.maxLength(10)),
  response: z.enum(PROPOSAL_RESPONSES),
  /** Why it was rejected, or what will be considered. */
  reason: z.optional(longText(2_000)),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const speakerSchema = z.strictObject({
  id,
  name: requiredText(200),
  /** Position, organisation or what they spoke about. */
  about: z.optional(shortText),
});
export type Speaker = z.infer<typeof speakerSchema>;

export const photoSchema = z.strictObject({
  sha256: sha256,
  kind: z.enum(PHOTO_KINDS),
  caption: z.optional(shortText),
});
export type HearingPhoto = z.infer<typeof photoSchema>;

export const hearingSchema = z
  .strictObject({
    districtId: id,
    municipalityId: id,
    /** Settlement (village) and the hall or place. */
    venue: shortText,
    date: isoDate,
    startTime: z.optional(clock),
    endTime: z.optional(clock),
    stage: z.enum(PROGRAMME_STAGES),
    organiser: shortText,
    chair: shortText,
    secretary: shortText,
    agenda: z.array(requiredText(500)).check(z.maxLength(50)),
    speakers: z.array(speakerSchema).check(z.maxLength(200)),
    proposals: z.array(proposalSchema).check(z.maxLength(500)),
    decisions: longText(10_000),
    attendance: attendanceSchema,
    photos: z.array(photoSchema).check(z.maxLength(30)),
    status: z.enum(HEARING_STATUSES),
  })
  .check(
    z.refine((h) => !h.startTime || !h.endTime || h.endTime > h.startTime, {
      message: 'the end is before the start',
      path: ['endTime'],
    }),
  );
export type Hearing = z.infer<typeof hearingSchema>;

/** When a hearing that is already over is entered afterwards ("recorded later"). */
export interface HeldEarlier {
  date: string;
  startTime?: string;
  endTime?: string;
}

/**
 * A new hearing, status draft, nothing counted. Counted live: today's date and now as the
 * start. Recorded later: the date and times the consultant gave, nothing inferred.
 */
export function newHearing(
  place: { districtId: string; municipalityId: string },
  now: Date,
  heldEarlier?: HeldEarlier,
): Hearing {
  const when = heldEarlier ?? {
    date: isoDay(now),
    startTime: clockTime(now),
  };
  return {
    ...place,
    venue: '',
    date: when.date,
    ...(when.startTime ? { startTime: when.startTime } : {}),
    ...(when.endTime ? { endTime: when.endTime } : {}),
    stage: 'priorities',
    organiser: '',
    chair: '',
    secretary: '',
    agenda: [],
    speakers: [],
    proposals: [],
    decisions: '',
    attendance: { tally: { women: 0, men: 0, groups: {} }, participants: [] },
    photos: [],
    status: 'draft',
  };
}

/** What finishing the minutes needs beyond a valid record: who chaired and wrote them, the
 * count, the end time, and a reason for every rejected proposal. */
/**
 * The end time typed, applied. A start that only came from "now" when the hearing was opened
 * (`startDefaulted`) is never kept later than that end: it is cleared, to be asked for,
 * rather than guessed. A start the consultant typed stays, and the mismatch is shown.
 */
export function withEndTime(
  hearing: Hearing,
  endTime: string | undefined,
  startDefaulted: boolean,
): { hearing: Hearing; startCleared: boolean } {
  const { endTime: _old, ...rest } = hearing;
  const next: Hearing = endTime ? { ...rest, endTime } : rest;
  if (startDefaulted && endTime && next.startTime && endTime <= next.startTime) {
    const { startTime: _dropped, ...withoutStart } = next;
    return { hearing: withoutStart, startCleared: true };
  }
  return { hearing: next, startCleared: false };
}

export type FinalProblem = 'chair' | 'secretary' | 'attendance' | 'endTime' | 'reason';

export function finalProblems(hearing: Hearing): FinalProblem[] {
  const problems: FinalProblem[] = [];
  if (!hearing.chair.trim()) problems.push('chair');
  if (!hearing.secretary.trim()) problems.push('secretary');
  if (attendanceFigures(hearing.attendance).total === 0) problems.push('attendance');
  if (!hearing.endTime) problems.push('endTime');
  if (hearing.proposals.some((p) => p.response === 'rejected' && !p.reason?.trim())) {
    problems.push('reason');
  }
  return problems;
}

export interface ProposalStats {
  total: number;
  byResponse: Record<ProposalResponse, number>;
  /** Proposals raised by each of women, men and each group, and how many were accepted. */
  byRaiser: Record<string, { raised: number; accepted: number }>;
}

export function proposalStats(proposals: readonly Proposal[]): ProposalStats {
  const byResponse: Record<ProposalResponse, number> = {
    pending: 0,
    accepted: 0,
    rejected: 0,
    considering: 0,
  };
  const byRaiser: ProposalStats['byRaiser'] = {};
  for (const proposal of proposals) {
    byResponse[proposal.response] += 1;
    for (const raiser of new Set(proposal.raisedBy)) {
      const row = byRaiser[raiser] ?? { raised: 0, accepted: 0 };
      row.raised += 1;
      if (proposal.response === 'accepted') row.accepted += 1;
      byRaiser[raiser] = row;
    }
  }
  return { total: proposals.length, byResponse, byRaiser };
}

/** The attendance of a hearing as reported (see attendanceFigures). */
export const hearingFigures = (hearing: { attendance: Attendance }) =>
  attendanceFigures(hearing.attendance);

/**
 * The hearing as it is written to its record: agenda items, speakers and proposals still
 * blank (just added, nothing typed yet) are left out rather than holding the save back.
 */
export function forRecord(hearing: Hearing): Hearing {
  return {
    ...hearing,
    agenda: hearing.agenda.filter((item) => item.trim() !== ''),
    speakers: hearing.speakers.filter((speaker) => speaker.name.trim() !== ''),
    proposals: hearing.proposals.filter((proposal) => proposal.text.trim() !== ''),
  };
}
