import { useTranslation } from 'react-i18next';
import { records } from '../../db/app-db.ts';
import { useRecordsOfType } from '../../db/hooks.ts';
import type { WorkPlanActivity } from '../../domain/work-plan.ts';
import { useUiPrefs } from '../../ui/ui-prefs.ts';
import { WorkPlanItem } from './work-plan-item.tsx';

export function Component() {
  const { t } = useTranslation('dashboard');
  const account = useUiPrefs((s) => s.account);
  const plan = useRecordsOfType<WorkPlanActivity>('work-plan-activity');
  const today = new Date();
  const sorted = [...(plan ?? [])].sort((a, b) => a.body.number - b.body.number);

  return (
    <article className="page">
      <h1 className="page__title">{t('title')}</h1>
      <p className="muted">{t('coming')}</p>
      <section aria-labelledby="work-plan">
        <h2 id="work-plan">{t('workPlan.title')}</h2>
        <p className="muted">{t('workPlan.intro')}</p>
        {plan && plan.length === 0 && <p className="notice">{t('workPlan.noData')}</p>}
        <ul className="list">
          {sorted.map((record) => (
            <WorkPlanItem
              key={record.id}
              activity={record.body}
              today={today}
              onSave={
                account?.role === 'admin'
                  ? (target, deadline) =>
                      records
                        .put({
                          type: 'work-plan-activity',
                          id: record.id,
                          body: { ...record.body, target, deadline },
                          updatedBy: account.username,
                        })
                        .then(() => undefined)
                  : undefined
              }
            />
          ))}
        </ul>
      </section>
    </article>
  );
}
