import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { drafts, records } from '../../db/app-db.ts';
import { createSerialWriter } from '../../db/serial-writer.ts';
import { type Evaluation, evaluationSchema } from '../../domain/checklist.ts';
import { useUiPrefs } from '../../ui/ui-prefs.ts';

/** Where the evaluation on screen stands: written to its record, or held as a draft. */
export type EditorSaveState = 'saved' | 'saving' | 'draft';

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

const TYPING_DELAY_MS = 400;
export const draftKey = (id: string) => `evaluation:${id}`;

/**
 * An evaluation being scored. Every answer is written at once (a tap) or shortly after
 * (typing): to the record and its outbox entry when valid, else to the drafts table, so
 * nothing given is lost to a reload, a killed tab or an update. One write at a time, the
 * newest state wins, and what is waiting is written when the page is hidden or left.
 */
export function useEvaluationEditor(id: string) {
  const [evaluation, setEvaluation] = useState<Evaluation | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<EditorSaveState>('saved');
  const latest = useRef<Evaluation | null>(null);
  const username = useUiPrefs((s) => s.account?.username) ?? 'unknown';

  const writer = useMemo(
    () =>
      createSerialWriter<Evaluation>(async (body) => {
        if (evaluationProblems(body).length === 0) {
          await records.put({ type: 'evaluation', id, body, updatedBy: username });
          await drafts.discard(draftKey(id));
          if (latest.current === body) setSaveState('saved');
        } else {
          await drafts.save(draftKey(id), body);
          if (latest.current === body) setSaveState('draft');
        }
      }),
    [id, username],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([records.get<Evaluation>(id), drafts.load<Evaluation>(draftKey(id))]).then(
      ([record, draft]) => {
        if (cancelled) return;
        const loaded = draft ?? record?.body ?? null;
        latest.current = loaded;
        setEvaluation(loaded);
        if (draft) setSaveState('draft');
      },
      () => !cancelled && setEvaluation(null),
    );
    return () => {
      cancelled = true;
    };
  }, [id]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void writer.flush();
    };
    document.addEventListener('visibilitychange', onHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      void writer.flush();
    };
  }, [writer]);

  /** Applies a change; `typing` waits a moment for the next keystroke before writing. */
  const update = useCallback(
    (next: Evaluation, { typing = false } = {}) => {
      latest.current = next;
      setEvaluation(next);
      setSaveState('saving');
      writer.schedule(next, typing ? TYPING_DELAY_MS : 0);
    },
    [writer],
  );

  /** A change made from the newest state (a photo that finished processing, a quick tap). */
  const change = useCallback(
    (make: (current: Evaluation) => Evaluation, options?: { typing?: boolean }) => {
      if (latest.current) update(make(latest.current), options);
    },
    [update],
  );

  return { evaluation, update, change, saveState, flush: writer.flush };
}
