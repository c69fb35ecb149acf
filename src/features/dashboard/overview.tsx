import { useTranslation } from 'react-i18next';
import { DashboardNav } from './dashboard-nav.tsx';
import { FilterBar } from './filter-bar.tsx';
import { GenderSection } from './gender-section.tsx';
import { useDashboardData } from './use-dashboard-data.ts';
import { useDashboardFilter } from './use-dashboard-filter.ts';
import { useFigures } from './use-figures.ts';
import { useLabels } from './use-labels.ts';
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
