import { useTranslation } from 'react-i18next';
import type { ReferenceItem } from '../domain/reference-list.ts';
import { itemName } from '../domain/reference-list.ts';
import { type TerritoryTree, territoryName } from '../domain/territory-tree.ts';
import { useFormat } from '../i18n/use-format.ts';

/** What `useLabels` gives. */
export type Labels = ReturnType<typeof useLabels>;

/** Names of places, groups and periods in the interface language. */
export function useLabels(tree: TerritoryTree | undefined, items: readonly ReferenceItem[]) {
  const { t } = useTranslation('dashboard');
  const { language } = useFormat();
  const territory = (id: string) => territoryName(tree, id, language) ?? t('unknownPlace');
  return {
    territory,
    group: (code: string) => itemName(items, 'participant-group', code, language),
    position: (code: string) => itemName(items, 'training-position', code, language),
    module: (code: string) => itemName(items, 'training-module', code, language),
    /** `2025-Q1` as "Q1 2025" / "1 кв. 2025" / "2025-ж. 1-чейрек". */
    quarter: (key: string) => t('quarter', { year: key.slice(0, 4), quarter: key.slice(-1) }),
    raiser: (code: string) =>
      code === 'women' || code === 'men'
        ? t(`gender.raisedBy.${code}`)
        : itemName(items, 'participant-group', code, language),
    /** A municipality row: the municipality, or its district's own (district-level) row. */
    municipalityRow: (row: { level: 'municipality' | 'district'; key: string }) =>
      row.level === 'district'
        ? t('gender.districtLevel', { district: territory(row.key) })
        : territory(row.key),
  };
}
