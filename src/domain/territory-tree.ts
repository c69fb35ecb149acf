/** Territories as a tree: lookups, children in name order, paths, and search. */
import { matchesTerritory, type NameLanguage, type Territory } from './territory.ts';

export interface TerritoryNode extends Territory {
  id: string;
}

const COLLATOR: Record<NameLanguage, Intl.Collator> = {
  ru: new Intl.Collator('ru'),
  // Kyrgyz letters (ң ө ү) sort like Russian ones here; close enough for a list.
  ky: new Intl.Collator('ru'),
  en: new Intl.Collator('en'),
};

export function buildTerritoryTree(territories: readonly TerritoryNode[], language: NameLanguage) {
  const byId = new Map(territories.map((t) => [t.id, t]));
  const children = new Map<string, TerritoryNode[]>();
  for (const territory of territories) {
    if (!territory.parentId) continue;
    const list = children.get(territory.parentId) ?? [];
    list.push(territory);
    children.set(territory.parentId, list);
  }
  const byName = (a: TerritoryNode, b: TerritoryNode) =>
    COLLATOR[language].compare(a.names[language], b.names[language]);
  for (const list of children.values()) list.sort(byName);

  /** From the region down to the territory itself. */
  const path = (id: string): TerritoryNode[] => {
    const out: TerritoryNode[] = [];
    const seen = new Set<string>();
    let current = byId.get(id);
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      out.unshift(current);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    return out;
  };

  /** A merged unit leads to the one that carries on its records. */
  const successor = (id: string): TerritoryNode | undefined => {
    let current = byId.get(id);
    const seen = new Set<string>();
    while (current?.successorId && !seen.has(current.id)) {
      seen.add(current.id);
      current = byId.get(current.successorId) ?? current;
      if (!current.successorId) break;
    }
    return current;
  };

  return {
    byId,
    regions: territories.filter((t) => t.kind === 'region').sort(byName),
    childrenOf: (id: string) => children.get(id) ?? [],
    path,
    successor,
    /** Matches in any language, districts before municipalities before regions, by name. */
    search(query: string): TerritoryNode[] {
      const rank = { district: 0, municipality: 1, region: 2 } as const;
      return territories
        .filter((t) => matchesTerritory(t, query))
        .sort((a, b) => rank[a.kind] - rank[b.kind] || byName(a, b));
    },
  };
}

export type TerritoryTree = ReturnType<typeof buildTerritoryTree>;

/** A territory's name in a language; undefined while the tree, or that territory, is not on the device. */
export const territoryName = (
  tree: Pick<TerritoryTree, 'byId'> | undefined,
  id: string,
  language: NameLanguage,
): string | undefined => tree?.byId.get(id)?.names[language];
