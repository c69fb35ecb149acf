import { useMemo } from 'react';
import { isoDay } from '../../domain/calendar.ts';
import type { DistrictScope } from '../../domain/dashboard-filter.ts';
import { genderFigures } from '../../domain/gender-figures.ts';
import type { KeyFigures, LessonsReport } from '../../domain/lessons-report.ts';
import { keyFiguresOf } from '../../domain/report-figures.ts';
import { filterEvidence, workPlanProgress } from '../../domain/work-plan-progress.ts';
import { reportFilter } from './report-coverage.ts';
import type { DashboardData } from './use-dashboard-data.ts';

/** The key figures for a report's district and period, as they stand now. */
export function useReportFigures(
  data: DashboardData,
  report: Pick<LessonsReport, 'districtId' | 'from' | 'to'>,
  scope: DistrictScope,
): KeyFigures {
  const { districtId, from, to } = report;
  return useMemo(() => {
    const filter = reportFilter({ districtId, from, to });
    const now = new Date();
    const progress = workPlanProgress(
      data.plan,
      filterEvidence(data.evidence, filter, scope, data.tree),
      now,
    );
    return keyFiguresOf(
      progress,
      genderFigures(data.sources, filter, scope, data.tree),
      isoDay(now),
    );
  }, [data, districtId, from, to, scope]);
}
