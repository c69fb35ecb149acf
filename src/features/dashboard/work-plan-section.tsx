import { useTranslation } from 'react-i18next';
import { records } from '../../db/app-db.ts';
import type { ActivityProgress } from '../../domain/work-plan-progress.ts';
import { useAccount } from '../../session/account.ts';
import { WorkPlanItem } from './work-plan-item.tsx';

export interface WorkPlanSectionProps {
  progress: ActivityProgress[];
  /** Whether a filter or a consultant's scope narrows the actuals. */
  narrowed: boolean;
  search: string;
}

/** The work plan's activities with targets, actuals from records, deadlines and status. */
export function WorkPlanSection({ progress, narrowed, search }: WorkPlanSectionProps) {
  const { t } = useTranslation('dashboard');
  const account = useAccount();
  return (
    <section aria-labelledby="work-plan" className="dashboard-section">
      <h2 id="work-plan">{t('workPlan.title')}</h2>
      <p className="muted">{t('workPlan.intro')}</p>
      {narrowed && <p className="notice notice--info">{t('workPlan.narrowed')}</p>}
      {progress.length === 0 && <p className="notice">{t('workPlan.noData')}</p>}
      <ul className="list">
        {progress.map((item) => (
          <WorkPlanItem
            key={item.id}
            activity={item.activity}
            actual={item.actual}
            status={item.status}
            detailHref={`/dashboard/activity/${item.id}${search}`}
            onSave={
              account?.role === 'admin'
                ? (target, deadline) =>
                    records
                      .put({
                        type: 'work-plan-activity',
                        id: item.id,
                        body: { ...item.activity, target, deadline },
                      })
                      .then(() => undefined)
                : undefined
            }
          />
        ))}
      </ul>
    </section>
  );
}
