/**
 * The device's territories as the lookup the territory rule needs (src/domain/territory-scope.ts):
 * the record editors and the forms that write records directly check a record with it
 * before saving, so one the server would refuse is never queued.
 */
import { useMemo } from 'react';
import type { SyncedRecord } from '../domain/record.ts';
import type { Territory } from '../domain/territory.ts';
import type { TerritoryLink, TerritoryLookup } from '../domain/territory-scope.ts';
import { useTerritories } from './hooks.ts';

/** A lookup over these territory records; undefined while there are none to check against. */
export function territoryLookupOf(
  territories: readonly SyncedRecord<Territory>[] | undefined,
): TerritoryLookup | undefined {
  if (!territories || territories.length === 0) return undefined;
  const byId = new Map<string, TerritoryLink>(
    territories.map((t) => [t.id, { kind: t.body.kind, parentId: t.body.parentId }]),
  );
  return (territoryId) => byId.get(territoryId);
}

/** The lookup over the device's not deleted territories (live); undefined before any arrive. */
export function useTerritoryLookup(): TerritoryLookup | undefined {
  const territories = useTerritories();
  return useMemo(() => territoryLookupOf(territories), [territories]);
}
