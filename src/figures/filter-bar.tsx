import { useTranslation } from 'react-i18next';
import type { DashboardFilter, DistrictScope } from '../domain/dashboard-filter.ts';
import type { TerritoryNode, TerritoryTree } from '../domain/territory-tree.ts';
import { useFormat } from '../i18n/use-format.ts';

export interface FilterBarProps {
  tree: TerritoryTree;
  filter: DashboardFilter;
  scope: DistrictScope;
  onChange: (filter: DashboardFilter) => void;
}

/** Region, district, municipality, period and "targets only"; only districts in scope. */
export function FilterBar({ tree, filter, scope, onChange }: FilterBarProps) {
  const { t } = useTranslation('dashboard');
  const { language } = useFormat();
  const visible = (d: TerritoryNode) =>
    d.kind === 'district' && (scope === null || scope.includes(d.id));
  const regions = tree.regions.filter((r) => tree.childrenOf(r.id).some(visible));
  const districts = (
    filter.regionId
      ? tree.childrenOf(filter.regionId)
      : regions.flatMap((r) => tree.childrenOf(r.id))
  ).filter(visible);
  const municipalities = filter.districtId
    ? tree.childrenOf(filter.districtId).filter((m) => m.kind === 'municipality' && !m.successorId)
    : [];
  const active = Object.values(filter).filter(Boolean).length;

  const select = (
    id: string,
    label: string,
    value: string | undefined,
    options: TerritoryNode[],
    pick: (id: string) => void,
  ) => (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value ?? ''} onChange={(e) => pick(e.target.value)}>
        <option value="">{t('filter.all')}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.names[language]}
          </option>
        ))}
      </select>
    </div>
  );

  const set = (patch: Partial<DashboardFilter>) => {
    const next: DashboardFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof DashboardFilter)[]) {
      if (!next[key]) delete next[key];
    }
    onChange(next);
  };

  return (
    <details className="card dashboard-filter" open={active > 0 || undefined}>
      <summary className="dashboard-filter__summary">
        {active > 0 ? t('filter.titleActive', { count: active }) : t('filter.title')}
      </summary>
      <div className="dashboard-filter__fields">
        {regions.length > 1 &&
          select('filter-region', t('filter.region'), filter.regionId, regions, (id) =>
            set({ regionId: id, districtId: undefined, municipalityId: undefined }),
          )}
        {select('filter-district', t('filter.district'), filter.districtId, districts, (id) =>
          set({
            districtId: id,
            municipalityId: undefined,
            ...(id && filter.regionId ? { regionId: tree.byId.get(id)?.parentId } : {}),
          }),
        )}
        {filter.districtId &&
          select(
            'filter-municipality',
            t('filter.municipality'),
            filter.municipalityId,
            municipalities,
            (id) => set({ municipalityId: id }),
          )}
        <div className="field">
          <label className="field__label" htmlFor="filter-from">
            {t('filter.from')}
          </label>
          <input
            id="filter-from"
            type="date"
            value={filter.from ?? ''}
            max={filter.to}
            onChange={(e) => set({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="filter-to">
            {t('filter.to')}
          </label>
          <input
            id="filter-to"
            type="date"
            value={filter.to ?? ''}
            min={filter.from}
            onChange={(e) => set({ to: e.target.value })}
          />
        </div>
        <label className="choice">
          <input
            type="checkbox"
            checked={Boolean(filter.targetOnly)}
            onChange={(e) => set({ targetOnly: e.target.checked })}
          />
          {t('filter.targetOnly')}
        </label>
      </div>
      {filter.from && filter.to && filter.from > filter.to && (
        <p className="form__error" role="alert">
          {t('filter.periodReversed')}
        </p>
      )}
      {active > 0 && (
        <div className="actions">
          <button type="button" className="button" onClick={() => onChange({})}>
            {t('filter.reset')}
          </button>
        </div>
      )}
      {scope !== null && <p className="muted">{t('filter.scope', { count: scope.length })}</p>}
    </details>
  );
}
