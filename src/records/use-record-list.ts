import { useDeferredValue, useMemo, useState } from 'react';
import { useListEntries, useListSummaries } from '../db/use-list-index.ts';
import type { ListedType } from '../domain/list-facts.ts';
import type { SyncFilter } from '../ui/select-field.tsx';
import { filterEntries } from './list-filter.ts';
import { useTerritoryTree } from './use-territory-tree.ts';

/** Rows a list shows at first, and adds with each "Show more". */
export const LIST_PAGE = 50;

/**
 * A record list's search, filters and paging: what they leave of the type's list index,
 * newest first, and the row summaries of only the rows shown. A new search starts again at
 * the first page.
 */
export function useRecordList<T extends ListedType, S extends string>(
  type: T,
  initialStatus: S | 'all',
) {
  const tree = useTerritoryTree();
  const all = useListEntries(type);
  const [query, setQuery] = useState('');
  /** A territory id, '' for all. */
  const [place, setPlace] = useState('');
  const [status, setStatus] = useState<S | 'all'>(initialStatus);
  const [sync, setSync] = useState<SyncFilter>('all');
  const [shown, setShown] = useState(LIST_PAGE);
  const deferredQuery = useDeferredValue(query);

  const rows = useMemo(
    () => filterEntries(all ?? [], { query: deferredQuery, status, sync, place }, tree),
    [all, deferredQuery, place, status, sync, tree],
  );
  const visible = rows.slice(0, shown);
  const summaries = useListSummaries(
    type,
    visible.map((entry) => entry.id),
  );

  return {
    tree,
    /** Every entry of the type; undefined while loading. */
    all,
    /** The entries the search and filters leave. */
    rows,
    visible,
    summaries,
    query,
    place,
    status,
    sync,
    /** How many filters are set (the search counts as one). */
    active: [query.trim() !== '', place !== '', status !== 'all', sync !== 'all'].filter(Boolean)
      .length,
    search: (value: string) => {
      setQuery(value);
      setShown(LIST_PAGE);
    },
    setPlace,
    setStatus,
    setSync,
    /** How many more rows "Show more" adds; 0 when all are shown. */
    more: Math.max(0, Math.min(LIST_PAGE, rows.length - shown)),
    showMore: () => setShown((n) => n + LIST_PAGE),
  };
}
