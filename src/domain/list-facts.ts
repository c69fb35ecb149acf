/**
 * What the device's lists need of a record, small enough to read 50,000 of at once: the
 * columns they sort, filter and search by, and a summary to draw one row. Pure: the device
 * database keeps these beside the records (src/db/list-index.ts).
 */
import { womenShare } from './attendance.ts';
import type { Answers, Evaluation } from './checklist.ts';
import { hearingFiguresOf } from './gender-figures.ts';
import { type Hearing, hearingFigures } from './hearing.ts';
import { searchKey } from './territory.ts';
import { type Training, trainingTotals } from './training.ts';

/** Record types whose lists read the index rather than the records. */
/** How a record stands with the server, as the lists show it. */
export type RecordSyncState = 'synced' | 'pending' | 'parked' | 'conflict';

/** One record as a list filters and sorts it, read from the list index's columns. */
export interface ListEntry {
  id: string;
  sort: string;
  status: string;
  /** Territory ids, space-separated. */
  place: string;
  text: string;
  sync: RecordSyncState;
}

export const LISTED_TYPES = ['hearing', 'training', 'evaluation'] as const;
export type ListedType = (typeof LISTED_TYPES)[number];

export const isListed = (type: string): type is ListedType =>
  (LISTED_TYPES as readonly string[]).includes(type);

export interface HearingSummary {
  municipalityId: string;
  date: string;
  venue: string;
  status: Hearing['status'];
  people: number;
  /** Women's share, 0..1; null when nobody was counted. */
  womenShare: number | null;
  proposals: number;
}

export interface TrainingSummary {
  title: string;
  moduleCodes: string[];
  municipalityIds: string[];
  firstDate: string;
  lastDate: string;
  status: Training['status'];
  people: number;
  womenShare: number | null;
}

/** An evaluation without its comments and evidence: enough to score it and list it. */
export type EvaluationSummary = Omit<Evaluation, 'answers'> & { answers: Answers };

export interface ListSummaries {
  hearing: HearingSummary;
  training: TrainingSummary;
  evaluation: EvaluationSummary;
}

export interface ListFacts {
  /** Sorts newest first as a plain string (ISO date, then time). */
  sort: string;
  status: string;
  /** The territory ids it belongs to, space-separated (a training may serve several). */
  place: string;
  /** Its own searchable text, as `searchKey` folds it, fields joined by `|`. */
  text: string;
  summary: ListSummaries[ListedType];
  /** What the dashboard counts of it, as JSON text (hearings: `HearingFigures`). */
  figures?: string;
}

const haystack = (parts: (string | undefined)[]) =>
  parts
    .filter((part): part is string => Boolean(part))
    .map(searchKey)
    .join('|');

/**
 * The list facts of a live record of a listed type; undefined for any other record, and
 * for a body too broken to list (it must not stop the write or the pull that stores it).
 */
export function listFactsOf(type: string, body: Record<string, unknown>): ListFacts | undefined {
  try {
    return factsOf(type, body);
  } catch {
    return undefined;
  }
}

function factsOf(type: string, body: Record<string, unknown>): ListFacts | undefined {
  switch (type) {
    case 'hearing': {
      const h = body as Hearing;
      const figures = hearingFigures(h);
      const summary: HearingSummary = {
        municipalityId: h.municipalityId,
        date: h.date,
        venue: h.venue,
        status: h.status,
        people: figures.total,
        womenShare: womenShare(figures),
        proposals: h.proposals.length,
      };
      return {
        sort: `${h.date}T${h.startTime ?? ''}`,
        status: h.status,
        place: h.municipalityId,
        text: haystack([h.venue, h.chair, h.organiser, h.secretary]),
        summary,
        figures: JSON.stringify(hearingFiguresOf(h)),
      };
    }
    case 'training': {
      const t = body as Training;
      const totals = trainingTotals(t.attendance);
      const summary: TrainingSummary = {
        title: t.title,
        moduleCodes: t.moduleCodes,
        municipalityIds: t.municipalityIds,
        firstDate: t.dates[0] ?? '',
        lastDate: t.dates.at(-1) ?? '',
        status: t.status,
        people: totals.total,
        womenShare: totals.womenShare,
      };
      return {
        sort: t.dates[0] ?? '',
        status: t.status,
        place: t.municipalityIds.join(' '),
        text: haystack([t.title, t.venue, t.trainers]),
        summary,
      };
    }
    case 'evaluation': {
      const e = body as Evaluation;
      const answers: Answers = {};
      for (const [code, answer] of Object.entries(e.answers)) {
        answers[code] = answer.score === undefined ? {} : { score: answer.score };
      }
      return {
        sort: e.date,
        status: e.status,
        place: e.territoryId,
        text: haystack([e.draftLabel, e.evaluator]),
        summary: { ...e, answers },
      };
    }
    default:
      return undefined;
  }
}
