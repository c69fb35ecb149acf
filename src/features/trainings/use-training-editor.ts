import { type Training, trainingSchema } from '../../domain/training.ts';
import { draftKeyOf, useRecordEditor } from '../../records/use-record-editor.ts';

export type TrainingProblem = 'dates' | 'municipalities' | 'attendance' | 'other';

/** The problems that keep a training from being written as a record (it stays a draft). */
export function trainingProblems(training: Training): TrainingProblem[] {
  const parsed = trainingSchema.safeParse(training);
  if (parsed.success) return [];
  const found = new Set<TrainingProblem>();
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'dates') found.add('dates');
    else if (field === 'municipalityIds' || field === 'districtId') found.add('municipalities');
    else if (field === 'attendance') found.add('attendance');
    else found.add('other');
  }
  return [...found];
}

export const draftKey = (id: string) => draftKeyOf('training', id);

const isValid = (training: Training) => trainingProblems(training).length === 0;

/** A training being edited, written as it changes (see useRecordEditor). */
export function useTrainingEditor(id: string) {
  const { value, ...editor } = useRecordEditor({ type: 'training', id, isValid });
  return { training: value, ...editor };
}
