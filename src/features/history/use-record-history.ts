import { useCallback, useEffect, useState } from 'react';
import type { RecordHistory } from '../../domain/record-history.ts';
import { type HistoryProblem, historyApi, historyProblem } from '../../sync/history-api.ts';

export type HistoryState =
  | { kind: 'loading' }
  | { kind: 'ready'; history: RecordHistory }
  | { kind: 'failed'; problem: HistoryProblem };

/** The record's history from the server, fetched while online and again on `reload`. */
export function useRecordHistory(id: string, online: boolean) {
  const [state, setState] = useState<HistoryState>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` asks for a new fetch.
  useEffect(() => {
    if (!online) {
      setState({ kind: 'failed', problem: 'offline' });
      return;
    }
    let cancelled = false;
    setState({ kind: 'loading' });
    historyApi.recordHistory(id).then(
      (history) => !cancelled && setState({ kind: 'ready', history }),
      (error: unknown) =>
        !cancelled && setState({ kind: 'failed', problem: historyProblem(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [id, online, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
