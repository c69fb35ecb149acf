import type { TerritoryTree } from '../../domain/territory-tree.ts';
import type { Language } from '../../i18n/languages.ts';

export interface DistrictOption {
  id: string;
  name: string;
}

/** Districts under their region, for the checkbox lists. */
export interface DistrictGroup {
  id: string;
  name: string;
  districts: DistrictOption[];
}

/** Regions in name order, each with its districts (merged-away ones left out). */
export function districtGroups(tree: TerritoryTree | undefined, language: Language) {
  if (!tree) return [];
  return tree.regions
    .map(
      (region): DistrictGroup => ({
        id: region.id,
        name: region.names[language],
        districts: tree
          .childrenOf(region.id)
          .filter((node) => node.kind === 'district' && !node.successorId)
          .map((node) => ({ id: node.id, name: node.names[language] })),
      }),
    )
    .filter((group) => group.districts.length > 0);
}
