import { useTranslation } from 'react-i18next';
import { useLabels } from '../../export/use-labels.ts';
import { DashboardNav } from '../../figures/dashboard-nav.tsx';
import { FilterBar } from '../../figures/filter-bar.tsx';
import { useDashboardData } from '../../figures/use-dashboard-data.ts';
import { useDashboardFilter } from '../../figures/use-dashboard-filter.ts';
import { useFigures } from '../../figures/use-figures.ts';
import { GenderSection } from './gender-section.tsx';
import { WorkPlanSection } from './work-plan-section.tsx';

/** The dashboard: work-plan progress and gender figures for the chosen filter. */
export function Overview() {
  const { t } = useTranslation('dashboard');
  const data = useDashboardData();
  const { filter, setFilter, scope, search } = useDashboardFilter();
  const figures = useFigures(data, filter, scope);
  return (
    <article className="page dashboard">
      <h1 className="page__title">{t('title')}</h1>
      <DashboardNav search={search} />
      {!data || !figures ? (
        <p className="muted">{t('loading')}</p>
      ) : (
        <OverviewBody
          data={data}
          figures={figures}
          filter={filter}
          setFilter={setFilter}
          scope={scope}
          search={search}
        />
      )}
    </article>
  );
}

type FilterState = ReturnType<typeof useDashboardFilter>;

function OverviewBody({
  data,
  figures,
  filter,
  setFilter,
  scope,
  search,
}: {
  data: NonNullable<ReturnType<typeof useDashboardData>>;
  figures: NonNullable<ReturnType<typeof useFigures>>;
} & Omit<FilterState, 'search'> & { search: string }) {
  const labels = useLabels(data.tree, data.items);
  const narrowed = scope !== null || Object.keys(filter).length > 0;
  return (
    <>
      <FilterBar tree={data.tree} filter={filter} scope={scope} onChange={setFilter} />
      <WorkPlanSection progress={figures.progress} narrowed={narrowed} search={search} />
      <GenderSection figures={figures.gender} items={data.items} labels={labels} search={search} />
    </>
  );
}
