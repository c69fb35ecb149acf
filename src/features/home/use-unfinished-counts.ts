import { useMemo } from 'react';
import { useListEntries } from '../../db/use-list-index.ts';
import { isoDay } from '../../domain/calendar.ts';

/** Work started on this device and not finished, besides hearing drafts. */
export interface UnfinishedCounts {
  /** Evaluations still in draft. */
  evaluations: number;
  /** Planned trainings whose first day has come: held, most likely, but not marked so. */
  trainings: number;
}

/** Read from the list index (never full records); undefined while it is being read. */
export function useUnfinishedCounts(today: Date): UnfinishedCounts | undefined {
  const evaluations = useListEntries('evaluation');
  const trainings = useListEntries('training');
  const day = isoDay(today);
  return useMemo(
    () =>
      evaluations && trainings
        ? {
            evaluations: evaluations.filter((e) => e.status === 'draft').length,
            trainings: trainings.filter((e) => e.status === 'planned' && e.sort <= day).length,
          }
        : undefined,
    [evaluations, trainings, day],
  );
}
