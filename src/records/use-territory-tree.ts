import { useMemo } from 'react';
import { useTerritories } from '../db/hooks.ts';
import { buildTerritoryTree, type TerritoryTree } from '../domain/territory-tree.ts';
import { useFormat } from '../i18n/use-format.ts';

/** The device's territories as a tree in the interface language; undefined while loading. */
export function useTerritoryTree(): TerritoryTree | undefined {
  const records = useTerritories();
  const { language } = useFormat();
  return useMemo(
    () =>
      records &&
      buildTerritoryTree(
        records.map((r) => ({ ...r.body, id: r.id })),
        language,
      ),
    [records, language],
  );
}
