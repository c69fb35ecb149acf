import { useMemo } from 'react';
import type { DashboardFilter, DistrictScope } from '../domain/dashboard-filter.ts';
import { genderFigures } from '../domain/gender-figures.ts';
import { filterEvidence, workPlanProgress } from '../domain/work-plan-progress.ts';
import type { DashboardData } from './use-dashboard-data.ts';

/** Work-plan progress and gender figures for a filter, within the user's scope. */
export function useFigures(
  data: DashboardData | undefined,
  filter: DashboardFilter,
  scope: DistrictScope,
) {
  return useMemo(() => {
    if (!data) return undefined;
    const evidence = filterEvidence(data.evidence, filter, scope, data.tree);
    return {
      progress: workPlanProgress(data.plan, evidence, new Date()),
      gender: genderFigures(data.sources, filter, scope, data.tree),
    };
  }, [data, filter, scope]);
}
