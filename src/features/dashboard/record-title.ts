import { useTranslation } from 'react-i18next';
import type { DashboardData } from '../../figures/use-dashboard-data.ts';

/** A short description of a record behind a figure: a hearing's venue, a milestone's stage. */
export function useRecordTitle(data: DashboardData) {
  const { t } = useTranslation('dashboard');
  const hearings = new Map(data.hearings.map((r) => [r.id, r.body]));
  const milestones = new Map(data.milestones.map((r) => [r.id, r.body]));
  const reports = new Map(data.reports.map((r) => [r.id, r.body]));
  const trainings = new Map(data.trainings.map((r) => [r.id, r.body]));
  return (type: string, id: string): string => {
    const kind = t(`recordType.${type as 'hearing'}`, { defaultValue: type });
    if (type === 'hearing') {
      const venue = hearings.get(id)?.venue;
      return venue ? `${kind}: ${venue}` : kind;
    }
    if (type === 'milestone') {
      const stage = milestones.get(id)?.kind;
      return stage ? `${kind}: ${t(`terms.milestoneKind.${stage}`)}` : kind;
    }
    if (type === 'lessons-report') {
      const title = reports.get(id)?.title;
      return title ? `${kind}: ${title}` : kind;
    }
    if (type === 'training') {
      const title = trainings.get(id)?.title;
      return typeof title === 'string' && title ? `${kind}: ${title}` : kind;
    }
    return kind;
  };
}
