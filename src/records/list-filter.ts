import type { ListEntry } from '../domain/list-facts.ts';
import { searchKey } from '../domain/territory.ts';
import type { TerritoryTree } from '../domain/territory-tree.ts';

export interface ListFilter {
  query: string;
  status: string;
  sync: string;
  /** A territory id, '' for all. */
  place: string;
}

/**
 * The entries a list's filters and search leave, in their order. The search matches a
 * record's own text or the name (in any language) of a territory it belongs to.
 */
export function filterEntries(
  entries: readonly ListEntry[],
  { query, status, sync, place }: ListFilter,
  tree: TerritoryTree | undefined,
): ListEntry[] {
  const needle = searchKey(query);
  const places = new Set<string>();
  if (needle && tree) {
    for (const node of tree.byId.values()) {
      if (
        [node.names.ru, node.names.ky, node.names.en].some((n) => searchKey(n).includes(needle))
      ) {
        places.add(node.id);
      }
    }
  }
  return entries.filter((entry) => {
    if (status !== 'all' && entry.status !== status) return false;
    if (sync !== 'all' && entry.sync !== sync) return false;
    if (place && !entry.place.split(' ').includes(place)) return false;
    if (!needle) return true;
    if (entry.text.includes(needle)) return true;
    return places.size > 0 && entry.place.split(' ').some((p) => places.has(p));
  });
}
