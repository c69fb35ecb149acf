/**
 * What the dashboard's figures are narrowed to: region, district, municipality, a period
 * and "targets only", always within the districts the user may see.
 */
import type { TerritoryTree } from './territory-tree.ts';

export interface DashboardFilter {
  regionId?: string;
  districtId?: string;
  municipalityId?: string;
  /** First day of the period, YYYY-MM-DD, inclusive. */
  from?: string;
  /** Last day of the period, YYYY-MM-DD, inclusive. */
  to?: string;
  /** Only records of territories an admin marked as targets. */
  targetOnly?: boolean;
}

/** The districts a user may see: a consultant's own; null for coordinators and admins (all). */
export type DistrictScope = readonly string[] | null;

/** Where and when a record belongs, for filtering. */
export interface Placed {
  districtId: string;
  /**
   * The municipalities it concerns, or the district itself for a district's own programme;
   * empty when it concerns the district as a whole.
   */
  territoryIds: readonly string[];
  /** YYYY-MM-DD: the hearing's date, a training's first day, a milestone's date. */
  date: string;
}

export function inScope(districtId: string, scope: DistrictScope): boolean {
  return scope === null || scope.includes(districtId);
}

/** The district scope of an account: consultants see their districts, everyone else all. */
export function scopeOf(account: { role: string; districtIds: readonly string[] } | null) {
  if (!account) return [] as const;
  return account.role === 'consultant' ? account.districtIds : null;
}

export function inPeriod(date: string, filter: Pick<DashboardFilter, 'from' | 'to'>): boolean {
  return (!filter.from || date >= filter.from) && (!filter.to || date <= filter.to);
}

/** A unit and the one that carries on its records after a merger both answer for it. */
function unitIs(tree: TerritoryTree, id: string, wanted: string): boolean {
  return id === wanted || tree.successor(id)?.id === wanted;
}

function isTarget(tree: TerritoryTree, id: string): boolean {
  return Boolean(tree.byId.get(id)?.target || tree.successor(id)?.target);
}

/** Whether a record's place (not its date) passes the filter and the user's scope. */
export function placeMatches(
  placed: Omit<Placed, 'date'>,
  filter: DashboardFilter,
  scope: DistrictScope,
  tree: TerritoryTree,
): boolean {
  if (!inScope(placed.districtId, scope)) return false;
  if (filter.districtId && placed.districtId !== filter.districtId) return false;
  if (filter.regionId && tree.byId.get(placed.districtId)?.parentId !== filter.regionId) {
    return false;
  }
  const municipalityId = filter.municipalityId;
  if (municipalityId && !placed.territoryIds.some((id) => unitIs(tree, id, municipalityId))) {
    return false;
  }
  if (filter.targetOnly) {
    const units = placed.territoryIds.length > 0 ? placed.territoryIds : [placed.districtId];
    if (!units.some((id) => isTarget(tree, id))) return false;
  }
  return true;
}

export function matchesFilter(
  placed: Placed,
  filter: DashboardFilter,
  scope: DistrictScope,
  tree: TerritoryTree,
): boolean {
  return inPeriod(placed.date, filter) && placeMatches(placed, filter, scope, tree);
}

/** The calendar quarter of a date, `2025-Q1`: the period figures are grouped by. */
export function quarterOf(date: string): string {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${Math.floor((Math.max(1, month) - 1) / 3) + 1}`;
}
