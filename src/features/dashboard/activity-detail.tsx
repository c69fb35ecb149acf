import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLabels } from '../../export/use-labels.ts';
import { DashboardNav } from '../../figures/dashboard-nav.tsx';
import { type DashboardData, useDashboardData } from '../../figures/use-dashboard-data.ts';
import { useDashboardFilter } from '../../figures/use-dashboard-filter.ts';
import { useFigures } from '../../figures/use-figures.ts';
import { useFormat } from '../../i18n/use-format.ts';
import { NotOnDevice } from '../../records/editor-status.tsx';
import { recordHref } from './record-href.ts';
import { useRecordTitle } from './record-title.ts';

const localDate = (iso: string) => new Date(`${iso}T00:00:00`);

/** Drill-down: the units counted for one activity's actual, and the records behind each. */
export function ActivityDetail() {
  const { t } = useTranslation('dashboard');
  const data = useDashboardData();
  const { filter, scope, search } = useDashboardFilter();
  const figures = useFigures(data, filter, scope);
  if (!data || !figures) return <p className="page muted">{t('loading')}</p>;
  return <ActivityDetailBody data={data} progress={figures.progress} search={search} />;
}

function ActivityDetailBody({
  data,
  progress,
  search,
}: {
  data: DashboardData;
  progress: NonNullable<ReturnType<typeof useFigures>>['progress'];
  search: string;
}) {
  const { id = '' } = useParams();
  const { t } = useTranslation('dashboard');
  const format = useFormat();
  const labels = useLabels(data.tree, data.items);
  const title = useRecordTitle(data);
  const item = progress.find((p) => p.id === id);
  if (!item) {
    return (
      <NotOnDevice
        message={t('drill.notFound')}
        back={`/dashboard${search}`}
        backLabel={t('drill.back')}
      />
    );
  }
  const { activity } = item;
  return (
    <article className="page dashboard">
      <DashboardNav search={search} />
      <p>
        <Link to={`/dashboard${search}`}>{t('drill.back')}</Link>
      </p>
      <h1 className="page__title">
        {activity.number}. {activity.activity[format.language]}
      </h1>
      <p>
        {t('workPlan.actualOfTarget', {
          actual: format.number(item.actual),
          target: format.number(activity.target),
        })}{' '}
        <span className={`status status--${item.status}`}>
          {t(`workPlan.status.${item.status}`)}
        </span>
      </p>
      <p className="muted">{t(`drill.measure.${activity.measure}`)}</p>
      {item.evidence.length === 0 && <p className="notice">{t('drill.none')}</p>}
      <ul className="list">
        {item.evidence.map((unit) => (
          <li key={unit.key} className="list__item">
            <h2 className="list__title">
              {unit.territoryId ? (
                <Link to={`/municipalities/${unit.territoryId}`}>
                  {labels.territory(unit.territoryId)}
                </Link>
              ) : (
                title(unit.records[0]?.type ?? '', unit.records[0]?.id ?? '')
              )}
            </h2>
            <ul className="list--plain drill-records">
              {unit.records.map((record) => {
                const href = recordHref(record);
                const text = `${title(record.type, record.id)} · ${format.date(localDate(record.date), 'long')}`;
                return (
                  <li key={`${record.type}-${record.id}`}>
                    {href ? <Link to={href}>{text}</Link> : text}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </article>
  );
}
