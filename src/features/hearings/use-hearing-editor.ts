import { forRecord, type Hearing, hearingSchema } from '../../domain/hearing.ts';
import { draftKeyOf, partDraftKey, useRecordEditor } from '../../records/use-record-editor.ts';

export type HearingProblem = 'endTime' | 'date' | 'municipality' | 'other';

/** The problems that keep a hearing from being written as a record (it stays a draft). */
export function hearingProblems(hearing: Hearing): HearingProblem[] {
  const parsed = hearingSchema.safeParse(forRecord(hearing));
  if (parsed.success) return [];
  const found = new Set<HearingProblem>();
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'endTime' || field === 'startTime') found.add('endTime');
    else if (field === 'date') found.add('date');
    else if (field === 'municipalityId' || field === 'districtId') found.add('municipality');
    else found.add('other');
  }
  return [...found];
}

export const draftKey = (id: string) => draftKeyOf('hearing', id);

const isValid = (hearing: Hearing) => hearingProblems(hearing).length === 0;

/** A hearing being edited, written as it changes (see useRecordEditor). */
export function useHearingEditor(id: string) {
  const { value, ...editor } = useRecordEditor({
    type: 'hearing',
    id,
    isValid,
    toRecord: forRecord,
    measure: 'sedp:hearing-persist',
  });
  return { hearing: value, ...editor };
}

/**
 * Where the editor keeps, on this device, that a hearing's start is only the moment it was
 * opened ("now"), not a time anyone gave; typing the start forgets it.
 */
export const startDefaultedKey = (id: string) => partDraftKey('hearing', id, 'start-defaulted');
