/**
 * The short report on challenges and lessons learned (terms of reference: at most three A4
 * pages): written in the app in one language the author chooses, started from the
 * consultants' field notes, with the key figures as they stood when it was last saved.
 *
 * A report without `districtId` covers the whole project (coordinators write it; it is the
 * one the work plan counts). A consultant may write one for their district.
 */
import * as z from 'zod/mini';
import { count as countUpTo, id, isoDate, longText, requiredText } from './schema-parts.ts';

export const REPORT_SECTIONS = ['challenges', 'lessons', 'recommendations'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_LANGUAGES = ['ru', 'ky', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

export const REPORT_STATUSES = ['draft', 'final'] as const;

const count = countUpTo(10_000_000);
const sectionText = longText(20_000);
const raisedAccepted = z.strictObject({ raised: count, accepted: count });

/** The figures a report quotes, fixed when it is saved so a printed report never shifts. */
export const keyFiguresSchema = z.strictObject({
  asOf: isoDate,
  hearings: count,
  trainings: count,
  participants: count,
  women: count,
  men: count,
  proposals: count,
  proposalsAccepted: count,
  fromWomen: raisedAccepted,
  fromYouth: raisedAccepted,
  workPlan: z
    .array(
      z.strictObject({
        number: count,
        target: count,
        actual: count,
        status: z.enum(['done', 'late', 'on-track']),
      }),
    )
    .check(z.maxLength(50)),
});
export type KeyFigures = z.infer<typeof keyFiguresSchema>;

export const lessonsReportSchema = z
  .strictObject({
    /** The district a consultant's report covers; absent: the whole project. */
    districtId: z.optional(id),
    title: requiredText(200),
    language: z.enum(REPORT_LANGUAGES),
    /** The period the report covers. */
    from: z.optional(isoDate),
    to: z.optional(isoDate),
    challenges: sectionText,
    lessons: sectionText,
    recommendations: sectionText,
    keyFigures: z.optional(keyFiguresSchema),
    status: z.enum(REPORT_STATUSES),
    /** The day the results were presented (work-plan activity "presentation"). */
    presentedOn: z.optional(isoDate),
  })
  .check(
    z.refine((r) => !r.from || !r.to || r.from <= r.to, {
      message: 'the period ends before it starts',
      path: ['to'],
    }),
  );
export type LessonsReport = z.infer<typeof lessonsReportSchema>;

/** A note as the report quotes it. */
export interface NoteForReport {
  title: string;
  text: string;
  /** Where it was written about: the municipality or district name. */
  place?: string;
}

/** Field notes as a bulleted digest, one note a paragraph, to start a section from. */
export function notesDigest(notes: readonly NoteForReport[]): string {
  return notes
    .map((note) => {
      const head = note.place ? `${note.title.trim()} (${note.place})` : note.title.trim();
      const text = note.text.trim().replace(/\s*\n\s*/g, ' ');
      return text ? `— ${head}: ${text}` : `— ${head}`;
    })
    .join('\n');
}

/** Appends text to a section, a blank line between, without doubling what is already there. */
export function appendToSection(section: string, text: string): string {
  const addition = text.trim();
  if (!addition || section.includes(addition)) return section;
  return section.trim() ? `${section.trimEnd()}\n\n${addition}` : addition;
}

/** A new report: its challenges section starts from the field notes. */
export function newLessonsReport(input: {
  title: string;
  language: ReportLanguage;
  districtId?: string;
  notes: readonly NoteForReport[];
}): LessonsReport {
  return {
    ...(input.districtId ? { districtId: input.districtId } : {}),
    title: input.title,
    language: input.language,
    challenges: notesDigest(input.notes),
    lessons: '',
    recommendations: '',
    status: 'draft',
  };
}

/** A4 and the margins the report is printed with (the same in `@page`). */
export const A4 = { widthMm: 210, heightMm: 297, marginXMm: 15, marginYMm: 16 } as const;
/** The most pages the terms of reference allow. */
export const REPORT_MAX_PAGES = 3;

export const printableHeightMm = A4.heightMm - 2 * A4.marginYMm;

/**
 * How many A4 pages a laid-out report fills, from its height in CSS pixels at the printed
 * width (96 CSS px to the inch, 25.4 mm). At least one page, rounded up.
 */
export function pagesNeeded(heightPx: number, pxPerMm = 96 / 25.4): number {
  const heightMm = heightPx / pxPerMm;
  return Math.max(1, Math.ceil(heightMm / printableHeightMm - 1e-9));
}

/** The share of the allowed pages the report fills (1 = exactly three pages). */
export function pageBudgetUsed(heightPx: number, pxPerMm = 96 / 25.4): number {
  return heightPx / pxPerMm / (printableHeightMm * REPORT_MAX_PAGES);
}
