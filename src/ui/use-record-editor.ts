import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { drafts, records } from '../db/app-db.ts';
import { createSerialWriter } from '../db/serial-writer.ts';
import { useUiPrefs } from './ui-prefs.ts';

/** Where the record on screen stands: written to the record, or held as a draft. */
export type EditorSaveState = 'saved' | 'saving' | 'draft';

export interface RecordEditorOptions<T extends Record<string, unknown>> {
  type: string;
  id: string;
  /** Whether the state can be written as the record (else it is kept as a draft). */
  isValid: (body: T) => boolean;
  /** The body as it is written (blank rows left out, for example). */
  toRecord?: (body: T) => T;
  /** A User Timing measure of change-to-IndexedDB time, read by `npm run bench`. */
  measure?: string;
}

const TYPING_DELAY_MS = 400;
export const draftKeyOf = (type: string, id: string) => `${type}:${id}`;
/** Where a form inside the record (the next participant, say) keeps what is half typed. */
export const partDraftKey = (type: string, id: string, part: string) =>
  `${draftKeyOf(type, id)}:${part}`;

/**
 * A record being edited on a form. Every change is kept in memory for the screen and
 * written at once (taps) or shortly after (typing): to the record and its outbox entry
 * when it is valid, otherwise to the drafts table, so nothing typed is ever lost to a
 * reload, a killed tab or an update. One write runs at a time, the newest state wins, and
 * what is waiting is written when the page is hidden or left.
 */
export function useRecordEditor<T extends Record<string, unknown>>({
  type,
  id,
  isValid,
  toRecord,
  measure,
}: RecordEditorOptions<T>) {
  const [value, setValue] = useState<T | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<EditorSaveState>('saved');
  const latest = useRef<T | null>(null);
  const username = useUiPrefs((s) => s.account?.username) ?? 'unknown';
  const rules = useRef({ isValid, toRecord, measure });
  rules.current = { isValid, toRecord, measure };
  const draftKey = draftKeyOf(type, id);

  const writer = useMemo(
    () =>
      createSerialWriter<{ body: T; changedAt: number }>(async ({ body, changedAt }) => {
        const { isValid: valid, toRecord: prepare, measure: name } = rules.current;
        if (valid(body)) {
          const written = prepare ? prepare(body) : body;
          await records.put({
            type,
            id,
            body: written,
            updatedBy: username,
          });
          await drafts.discard(draftKey);
          if (latest.current === body) setSaveState('saved');
        } else {
          await drafts.save(draftKey, body);
          if (latest.current === body) setSaveState('draft');
        }
        if (name) performance.measure(name, { start: changedAt, end: performance.now() });
      }),
    [type, id, draftKey, username],
  );

  useEffect(() => {
    let cancelled = false;
    Promise.all([records.get<T>(id), drafts.load<T>(draftKey)]).then(
      ([record, draft]) => {
        if (cancelled) return;
        const loaded = draft ?? record?.body ?? null;
        latest.current = loaded;
        setValue(loaded);
        if (draft) setSaveState('draft');
      },
      () => !cancelled && setValue(null),
    );
    return () => {
      cancelled = true;
    };
  }, [id, draftKey]);

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
    (next: T, { typing = false } = {}) => {
      latest.current = next;
      setValue(next);
      setSaveState('saving');
      writer.schedule({ body: next, changedAt: performance.now() }, typing ? TYPING_DELAY_MS : 0);
    },
    [writer],
  );

  /** A change made from the newest state (a photo that finished processing, a quick tap). */
  const change = useCallback(
    (make: (current: T) => T, options?: { typing?: boolean }) => {
      if (latest.current) update(make(latest.current), options);
    },
    [update],
  );

  /** Deletes the record (on the server too, with the next sync) once the user confirms. */
  const remove = useCallback(
    async (question: string) => {
      if (!window.confirm(question)) return false;
      await writer.flush();
      await records.remove({ type, id, updatedBy: username });
      await drafts.discard(draftKey);
      await drafts.discard(partDraftKey(type, id, 'roster'));
      return true;
    },
    [writer, type, id, username, draftKey],
  );

  return { value, update, change, remove, saveState, flush: writer.flush };
}
