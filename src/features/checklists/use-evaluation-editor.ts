import { type Evaluation, evaluationSchema } from '../../domain/checklist.ts';
import { draftKeyOf, useRecordEditor } from '../../records/use-record-editor.ts';

export type EvaluationProblem = 'draftLabel' | 'evaluator' | 'date' | 'other';

/** What keeps an evaluation from being written as a record (it is kept as a draft meanwhile). */
export function evaluationProblems(evaluation: Evaluation): EvaluationProblem[] {
  const parsed = evaluationSchema.safeParse(evaluation);
  if (parsed.success) return [];
  const found = new Set<EvaluationProblem>();
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    found.add(
      field === 'draftLabel' || field === 'evaluator' || field === 'date' ? field : 'other',
    );
  }
  return [...found];
}

export const draftKey = (id: string) => draftKeyOf('evaluation', id);

const isValid = (evaluation: Evaluation) => evaluationProblems(evaluation).length === 0;

/** An evaluation being scored, written as it changes (see useRecordEditor). */
export function useEvaluationEditor(id: string) {
  const { value, ...editor } = useRecordEditor({ type: 'evaluation', id, isValid });
  return { evaluation: value, ...editor };
}
