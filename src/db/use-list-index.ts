/** The lists' live reads of the list index (see list-index.ts): never full records, never the outbox. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { HearingFigures } from '../domain/gender-figures.ts';
import type { ListEntry, ListedType, ListSummaries } from '../domain/list-facts.ts';
import { appDb } from './app-db.ts';
import type { ListFiguresPage, ListPage } from './list-index.ts';
import { onForgetListReads } from './list-reads.ts';

/** One record as a list sorts, filters and searches it. */
export type { ListEntry } from '../domain/list-facts.ts';

/** Pages already read, by key, flattened; and the last sorted list of each type. */
const flattened = new Map<string, { stamp: string; entries: ListEntry[] }>();
const sortedLists = new Map<string, { stamps: string; entries: ListEntry[] }>();

function entriesOf(page: ListPage): ListEntry[] {
  const known = page.stamp ? flattened.get(page.key) : undefined;
  if (known && known.stamp === page.stamp) return known.entries;
  const entries: ListEntry[] = [];
  for (let i = 0; i < page.ids.length; i += 1) {
    entries.push({
      id: page.ids[i] as string,
      sort: page.sort[i] ?? '',
      status: page.status[i] ?? '',
      place: page.place[i] ?? '',
      text: page.text[i] ?? '',
      sync: page.sync[i] ?? 'synced',
    });
  }
  if (page.stamp) flattened.set(page.key, { stamp: page.stamp, entries });
  return entries;
}

/** Every live record of a type, newest first, from its index pages (reusing what is known). */
async function readEntries(type: ListedType): Promise<ListEntry[]> {
  const pages = await appDb.listPages.where('type').equals(type).toArray();
  const stamps = pages.map((page) => `${page.key}@${page.stamp ?? Math.random()}`).join(',');
  const known = sortedLists.get(type);
  if (known && known.stamps === stamps) return known.entries;
  const entries = pages.flatMap(entriesOf);
  entries.sort((a, b) => (a.sort === b.sort ? (a.id < b.id ? 1 : -1) : a.sort < b.sort ? 1 : -1));
  sortedLists.set(type, { stamps, entries });
  return entries;
}

/** The row summaries last read for each type: the ids they were read for, and by id. */
const lastSummaries = new Map<ListedType, { key: string; byId: Map<string, unknown> }>();

async function readSummaries<T extends ListedType>(
  type: T,
  ids: readonly string[],
): Promise<Map<string, ListSummaries[T]>> {
  const rows = await appDb.listRows.bulkGet([...ids]);
  const byId = new Map<string, ListSummaries[T]>();
  for (const row of rows) {
    if (row && row.type === type) byId.set(row.id, row.summary as ListSummaries[T]);
  }
  lastSummaries.set(type, { key: ids.join(','), byId });
  return byId;
}

const warming = new Map<ListedType, Promise<void>>();

/**
 * Reads a list ahead of its opening (once per visit, when the app has started): its
 * entries in order, and the summaries of its first `rows` rows. The list, opened later,
 * draws these at once and checks them against the index as it always does.
 */
export function warmListEntries(type: ListedType, rows: number): Promise<void> {
  let pending = warming.get(type);
  if (!pending) {
    pending = readEntries(type)
      .then((entries) =>
        readSummaries(
          type,
          entries.slice(0, rows).map((entry) => entry.id),
        ),
      )
      .then(
        () => undefined,
        () => undefined,
      );
    warming.set(type, pending);
  }
  return pending;
}

/**
 * Every live record of a type, newest first (by its sort key, then id). Reads the type's
 * index pages only, so it runs again only when one of them changes. Opened again with no
 * page changed (each page's stamp says so), it gives the list it gave last time; a page
 * that did not change is not taken apart again. Until its read is done, it gives the list
 * last read in this visit (if any), which the read then confirms or replaces.
 */
export function useListEntries(type: ListedType): ListEntry[] | undefined {
  return useLiveQuery(() => readEntries(type), [type], sortedLists.get(type)?.entries);
}

/** The row summaries of the records a list shows (a page of them), by id. */
export function useListSummaries<T extends ListedType>(
  type: T,
  ids: readonly string[],
): Map<string, ListSummaries[T]> | undefined {
  const key = ids.join(',');
  const last = lastSummaries.get(type);
  return useLiveQuery(
    () => readSummaries(type, ids),
    [type, key],
    last && last.key === key ? (last.byId as Map<string, ListSummaries[T]>) : undefined,
  );
}

/** Figures pages already parsed, by key: the stamp they were parsed at, and the hearings. */
const parsedFigures = new Map<string, { stamp: string; hearings: HearingFiguresRecord[] }>();

/** The hearings the dashboard last read in this visit. */
const lastHearings: { value?: HearingFiguresRecord[]; parts?: HearingFiguresRecord[][] } = {};

onForgetListReads(() => {
  lastHearings.value = undefined;
  lastHearings.parts = undefined;
  for (const cache of [flattened, sortedLists, lastSummaries, warming, parsedFigures]) {
    cache.clear();
  }
});

export interface HearingFiguresRecord {
  id: string;
  body: HearingFigures;
}

function hearingsOf(page: ListFiguresPage): HearingFiguresRecord[] {
  const known = page.stamp ? parsedFigures.get(page.key) : undefined;
  if (known && known.stamp === page.stamp) return known.hearings;
  // One parse per page, not one per hearing: the page's texts joined into one array.
  const ids: string[] = [];
  const texts: string[] = [];
  page.ids.forEach((id, i) => {
    const data = page.data[i];
    if (data) {
      ids.push(id);
      texts.push(data);
    }
  });
  const bodies = JSON.parse(`[${texts.join(',')}]`) as HearingFigures[];
  const hearings = bodies.map((body, i) => ({ id: ids[i] as string, body }));
  if (page.stamp) parsedFigures.set(page.key, { stamp: page.stamp, hearings });
  return hearings;
}

/**
 * Every live hearing as the dashboard counts it, from the index's figures pages: tens of
 * thousands of hearings without reading one full record. A page unchanged since it was
 * last parsed (its stamp says so) gives the same objects as then.
 */
export function useHearingFigures(): HearingFiguresRecord[] | undefined {
  return useLiveQuery(
    async () => {
      const pages = await appDb.listFigures.where('type').equals('hearing').toArray();
      const parts = pages.map(hearingsOf);
      // Nothing changed since the last read: the same list, so nothing is counted again.
      const last = lastHearings.parts;
      if (
        lastHearings.value &&
        last &&
        last.length === parts.length &&
        parts.every((part, i) => part === last[i])
      ) {
        return lastHearings.value;
      }
      lastHearings.parts = parts;
      lastHearings.value = parts.flat();
      return lastHearings.value;
    },
    [],
    // Until its read is done: what the last read in this visit gave, which it then confirms.
    lastHearings.value,
  );
}
