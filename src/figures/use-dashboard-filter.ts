import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type DashboardFilter, scopeOf } from '../domain/dashboard-filter.ts';
import { useAccount } from '../session/account.ts';

const KEYS = {
  regionId: 'region',
  districtId: 'district',
  municipalityId: 'municipality',
  from: 'from',
  to: 'to',
} as const;

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The filter as it stands in the address (`?district=…&from=…&target=1`). */
export function filterFromParams(params: URLSearchParams): DashboardFilter {
  const filter: DashboardFilter = {};
  for (const [field, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
    const value = params.get(key);
    if (!value) continue;
    if ((field === 'from' || field === 'to') && !isoDate.test(value)) continue;
    filter[field] = value;
  }
  if (params.get('target') === '1') filter.targetOnly = true;
  return filter;
}

export function paramsOfFilter(filter: DashboardFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const [field, key] of Object.entries(KEYS) as [keyof typeof KEYS, string][]) {
    const value = filter[field];
    if (value) params.set(key, value);
  }
  if (filter.targetOnly) params.set('target', '1');
  return params;
}

/**
 * The dashboard's filter, kept in the address so a drill-down, the report and the
 * presentation show the same selection, and a link shows what its sender saw; and the
 * districts this user may see.
 */
export function useDashboardFilter() {
  const [params, setParams] = useSearchParams();
  const account = useAccount();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const scope = useMemo(() => scopeOf(account), [account]);
  const setFilter = useCallback(
    (next: DashboardFilter) => setParams(paramsOfFilter(next), { replace: true }),
    [setParams],
  );
  const search = params.toString() ? `?${params.toString()}` : '';
  return { filter, setFilter, scope, search };
}
