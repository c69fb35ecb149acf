import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { drafts, records } from '../../db/app-db.ts';
import { createSerialWriter } from '../../db/serial-writer.ts';
import { forRecord, type Hearing, hearingSchema } from '../../domain/hearing.ts';
import { useUiPrefs } from '../../ui/ui-prefs.ts';

/** Where the hearing on screen stands: written to the record, or held as a draft. */
export type EditorSaveState = 'saved' | 'saving' | 'draft';

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

const TYPING_DELAY_MS = 400;
export const draftKey = (id: string) => `hearing:${id}`;

/**
 * A hearing being edited. Every change is kept in memory for the screen and written at
 * once (taps) or shortly after (typing): to the record and its outbox entry when it is
 * valid, otherwise to the drafts table, so nothing typed is ever lost. One write runs at a
 * time, the newest state wins, and what is waiting is written when the page is hidden.
 */
export function useHearingEditor(id: string) {
  const [hearing, setHearing] = useState<Hearing | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<EditorSaveState>('saved');
  const latest = useRef<Hearing | null>(null);
  const username = useUiPrefs((s) => s.account?.username) ?? 'unknown';

  const writer = useMemo(
    () =>
      createSerialWriter<{ body: Hearing; changedAt: number }>(async ({ body, changedAt }) => {
        if (hearingProblems(body).length === 0) {
          await records.put({ type: 'hearing', id, body: forRecord(body), updatedBy: username });
          await drafts.discard(draftKey(id));
          if (latest.current === body) setSaveState('saved');
        } else {
          await drafts.save(draftKey(id), body);
          if (latest.current === body) setSaveState('draft');
        }
        // Tap-to-IndexedDB time, read by `npm run bench` (User Timing; costs nothing else).
        performance.measure('sedp:hearing-persist', { start: changedAt, end: performance.now() });
      }),
    [id, username],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([records.get<Hearing>(id), drafts.load<Hearing>(draftKey(id))]).then(
      ([record, draft]) => {
        if (cancelled) return;
        const loaded = draft ?? record?.body ?? null;
        latest.current = loaded;
        setHearing(loaded);
        if (draft) setSaveState('draft');
      },
      () => !cancelled && setHearing(null),
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
    (next: Hearing, { typing = false } = {}) => {
      latest.current = next;
      setHearing(next);
      setSaveState('saving');
      writer.schedule({ body: next, changedAt: performance.now() }, typing ? TYPING_DELAY_MS : 0);
    },
    [writer],
  );

  return { hearing, update, saveState, flush: writer.flush };
}
