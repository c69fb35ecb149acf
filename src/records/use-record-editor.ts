import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { drafts, records, reopenDatabase } from '../db/app-db.ts';
import { createSerialWriter } from '../db/serial-writer.ts';
import { type StorageFailure, storageFailureOf } from '../db/storage-failure.ts';
import { useTerritoryLookup } from '../db/territory-lookup.ts';
import type { BodyOf, RecordTypeName } from '../domain/record-types.ts';
import { type TerritoryProblem, territoryProblems } from '../domain/territory-scope.ts';

/**
 * Where the record on screen stands: written to the record, held as a draft, on its way
 * (`slow` once that has taken longer than it should), or not written (`failed`, with the
 * reason in `saveFailure`; what is on screen is kept and "Retry" writes it again).
 */
export type EditorSaveState = 'saved' | 'saving' | 'slow' | 'draft' | 'failed';

export interface RecordEditorOptions<Name extends RecordTypeName> {
  type: Name;
  id: string;
  /** Whether the state can be written as the record (else it is kept as a draft). */
  isValid: (body: BodyOf<Name>) => boolean;
  /** The body as it is written (blank rows left out, for example). */
  toRecord?: (body: BodyOf<Name>) => BodyOf<Name>;
  /** A User Timing measure of change-to-IndexedDB time, read by `npm run bench`. */
  measure?: string;
}

const TYPING_DELAY_MS = 400;
/** "Saving…" never stands longer than this without saying why. */
export const SLOW_SAVE_MS = 2_000;
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
export function useRecordEditor<Name extends RecordTypeName>({
  type,
  id,
  isValid,
  toRecord,
  measure,
}: RecordEditorOptions<Name>) {
  type T = BodyOf<Name>;
  const [value, setValue] = useState<T | null | undefined>(undefined);
  const [saveState, setSaveState] = useState<EditorSaveState>('saved');
  const [saveFailure, setSaveFailure] = useState<StorageFailure | null>(null);
  const latest = useRef<T | null>(null);
  /** When the oldest change not yet written was made (performance.now()), if any. */
  const unsavedSince = useRef<number | null>(null);
  // The device's territories: a record naming one it does not know, or one outside the
  // record's district, is kept as a draft (the server would refuse it). Nothing to check
  // against before any territory is on the device.
  const lookup = useTerritoryLookup();
  const placeProblems = useCallback(
    (body: T): TerritoryProblem[] => (lookup ? territoryProblems(body, lookup) : []),
    [lookup],
  );
  const rules = useRef({ isValid, toRecord, measure, placeProblems });
  rules.current = { isValid, toRecord, measure, placeProblems };
  const draftKey = draftKeyOf(type, id);

  const writer = useMemo(
    () =>
      createSerialWriter<{ body: T; changedAt: number }>(async ({ body, changedAt }) => {
        const { toRecord: prepare, measure: name } = rules.current;
        const valid = (candidate: T) =>
          rules.current.isValid(candidate) &&
          rules.current.placeProblems(prepare ? prepare(candidate) : candidate).length === 0;
        const startedAt = performance.now();
        const current = () => latest.current === body;
        try {
          if (valid(body)) {
            const written = prepare ? prepare(body) : body;
            // The draft goes with the same transaction: never a record and a stale draft.
            await records.put({
              type,
              id,
              body: written,
              discardDraft: draftKey,
            });
          } else {
            await drafts.save(draftKey, body);
          }
        } catch (error) {
          // Keep what was typed where a reload finds it, if the storage still takes a draft.
          await drafts.save(draftKey, body).catch(() => {});
          if (current()) {
            setSaveFailure(storageFailureOf(error));
            setSaveState('failed');
          }
          return;
        }
        unsavedSince.current = current() ? null : startedAt;
        if (current()) {
          setSaveFailure(null);
          setSaveState(valid(body) ? 'saved' : 'draft');
        }
        if (name) performance.measure(name, { start: changedAt, end: performance.now() });
      }),
    [type, id, draftKey],
  );

  // A write that takes long is said to be slow; a failure has its own state.
  useEffect(() => {
    if (saveState !== 'saving') return;
    const check = setInterval(() => {
      const since = unsavedSince.current;
      if (since !== null && performance.now() - since > SLOW_SAVE_MS) setSaveState('slow');
    }, SLOW_SAVE_MS / 4);
    return () => clearInterval(check);
  }, [saveState]);

  useEffect(() => {
    let cancelled = false;
    Promise.all([records.get(type, id), drafts.load<T>(draftKey)]).then(
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
  }, [type, id, draftKey]);

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
      unsavedSince.current ??= performance.now();
      setValue(next);
      setSaveState((state) => (state === 'slow' || state === 'failed' ? state : 'saving'));
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

  /** Writes what is on screen again after a failure (reopening the database if need be). */
  const retry = useCallback(async () => {
    const body = latest.current;
    if (!body) return;
    setSaveState('saving');
    unsavedSince.current = performance.now();
    await reopenDatabase().catch(() => {});
    writer.schedule({ body, changedAt: performance.now() });
    await writer.flush();
  }, [writer]);

  /** Deletes the record (on the server too, with the next sync) once the user confirms. */
  const remove = useCallback(
    async (question: string) => {
      if (!window.confirm(question)) return false;
      await writer.flush();
      await records.remove({ type, id });
      await drafts.discard(draftKey);
      await drafts.discard(partDraftKey(type, id, 'roster'));
      return true;
    },
    [writer, type, id, draftKey],
  );

  /** Territories the record names that are unknown or outside its district (kept as a draft). */
  const territoryIssues = useMemo(
    () => (value ? placeProblems(value) : []),
    [value, placeProblems],
  );
  return {
    value,
    update,
    change,
    remove,
    retry,
    saveState,
    saveFailure,
    flush: writer.flush,
    territoryProblems: territoryIssues,
  };
}
