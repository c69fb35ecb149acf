/**
 * The list index: what the hearings, trainings and checklists lists show and search,
 * kept beside the records and written in the same transaction as they are.
 *
 * - `listPages`: per record type, pages of up to PAGE_SIZE records held as columns
 *   (id, sort key, status, place, search text, sync state). A list reads every page of its
 *   type at once: 50 rows of string arrays cost IndexedDB far less than 50,000 objects.
 * - `listRows`: per record, the page it sits in and a small summary to draw its row; a list
 *   reads only the rows it shows.
 *
 * A new record goes into the last page of its type; an edit rewrites its entry in place;
 * a deleted record leaves its page. Every transaction that writes records, the outbox or
 * conflicts of a listed type updates the index too (`updateListIndex`).
 */
import { v7 as uuidv7 } from 'uuid';
import {
  isListed,
  LISTED_TYPES,
  type ListedType,
  type ListSummaries,
  listFactsOf,
} from '../domain/list-facts.ts';
import type { OutboxEntry, SyncedRecord } from '../domain/record.ts';
import type { SedpDatabase } from './database.ts';

export type { RecordSyncState } from '../domain/list-facts.ts';

import type { RecordSyncState } from '../domain/list-facts.ts';

export const PAGE_SIZE = 1000;

export interface ListPage {
  /** `${type}:${n}`, n zero-padded so pages sort in the order they were opened. */
  key: string;
  type: string;
  ids: string[];
  sort: string[];
  status: string[];
  place: string[];
  text: string[];
  sync: RecordSyncState[];
  /** New at every write of the page: a list that has read it before knows it unchanged. */
  stamp?: string;
}

/**
 * Beside each list page (same key, same order): what the dashboard counts of each record,
 * as JSON text (hearings: `HearingFigures`; '' for types it does not count this way).
 */
export interface ListFiguresPage {
  key: string;
  type: string;
  ids: string[];
  data: string[];
  /** New at every write of the figures page: the dashboard that has read it knows it unchanged. */
  stamp?: string;
}

export interface ListRow<T extends ListedType = ListedType> {
  id: string;
  type: T;
  /** The key of the page holding its columns. */
  page: string;
  summary: ListSummaries[T];
}

/** A change to the index: the record as it now is (absent or deleted leaves the index), its sync state. */
export interface IndexChange {
  id: string;
  record?: SyncedRecord | undefined;
  sync: RecordSyncState;
}

export type IndexTables = Pick<SedpDatabase, 'listPages' | 'listRows' | 'listFigures'>;

export const listTables = (db: SedpDatabase) => [db.listPages, db.listRows, db.listFigures];

const pageKey = (type: string, n: number) => `${type}:${String(n).padStart(6, '0')}`;

/** Where a record stands in sync, from its queued changes and whether it is in conflict. */
export function syncStateOf(
  entries: readonly Pick<OutboxEntry, 'state'>[],
  conflict: boolean,
): RecordSyncState {
  if (conflict) return 'conflict';
  if (entries.some((e) => e.state === 'parked')) return 'parked';
  return entries.length > 0 ? 'pending' : 'synced';
}

/** The sync state of each record, read from the outbox and conflicts (inside the caller's transaction). */
export async function syncStatesOf(
  db: SedpDatabase,
  ids: readonly string[],
): Promise<Map<string, RecordSyncState>> {
  const unique = [...new Set(ids)];
  const [entries, conflicts] = await Promise.all([
    db.outbox.where('id').anyOf(unique).toArray(),
    db.conflicts.where('id').anyOf(unique).primaryKeys(),
  ]);
  const byId = new Map<string, OutboxEntry[]>();
  for (const entry of entries) byId.set(entry.id, [...(byId.get(entry.id) ?? []), entry]);
  const conflicted = new Set(conflicts);
  return new Map(unique.map((id) => [id, syncStateOf(byId.get(id) ?? [], conflicted.has(id))]));
}

function removeAt(page: ListPage, at: number) {
  for (const column of [page.ids, page.sort, page.status, page.place, page.text, page.sync]) {
    column.splice(at, 1);
  }
}

/** A change to the index, or a change of sync state only. */
export type IndexUpdate = IndexChange | { id: string; sync: RecordSyncState; onlySync: true };

/**
 * What `writeListIndex` needs to have read for a set of changes: the rows of the records
 * changed, the pages holding them, the last page of each type that gains records, and the
 * figures pages beside all of these.
 */
export interface IndexReads {
  current: Map<string, ListRow>;
  pages: Map<string, ListPage>;
  lastPages: Map<string, ListPage>;
  figures: Map<string, ListFiguresPage>;
}

/**
 * Reads what applying `changes` to the index needs, inside the caller's transaction.
 * `absent`: ids the caller knows have no record on the device (read in the same
 * transaction), hence no row: they are not looked up (a row exists only beside its record).
 */
export async function readListIndex(
  tables: IndexTables,
  changes: readonly IndexUpdate[],
  absent?: ReadonlySet<string>,
): Promise<IndexReads> {
  const ids = absent
    ? changes.flatMap((c) => (absent.has(c.id) ? [] : [c.id]))
    : changes.map((c) => c.id);
  const rows = ids.length > 0 ? await tables.listRows.bulkGet(ids) : [];
  const current = new Map<string, ListRow>();
  for (const row of rows) if (row) current.set(row.id, row);
  // The pages holding these rows, and the last page of each type that gains records.
  const growing = new Set<string>();
  for (const change of changes) {
    const record = 'record' in change ? change.record : undefined;
    if (record && !current.has(change.id)) growing.add(record.type);
  }
  const pageKeys = [...new Set([...current.values()].map((r) => r.page))];
  const types = [...growing];
  const [held, lasts] = await Promise.all([
    tables.listPages.bulkGet(pageKeys),
    Promise.all(
      types.map((type) =>
        tables.listPages.where('key').between(`${type}:`, `${type}:\uffff`).last(),
      ),
    ),
  ]);
  const pages = new Map<string, ListPage>();
  for (const page of held) if (page) pages.set(page.key, page);
  const lastPages = new Map<string, ListPage>();
  types.forEach((type, i) => {
    const stored = lasts[i];
    if (!stored) return;
    const last = pages.get(stored.key) ?? stored;
    pages.set(last.key, last);
    lastPages.set(type, last);
  });
  // Figures change where entries are added, rewritten or removed (not for a sync state).
  const figureKeys = new Set([...lastPages.values()].map((page) => page.key));
  for (const change of changes) {
    const row = current.get(change.id);
    if (row && !('onlySync' in change)) figureKeys.add(row.page);
  }
  const figures = new Map<string, ListFiguresPage>();
  for (const page of await tables.listFigures.bulkGet([...figureKeys])) {
    if (page) figures.set(page.key, page);
  }
  return { current, pages, lastPages, figures };
}

/**
 * Applies changes to the index from what `readListIndex` read for them, inside the same
 * transaction: every write is issued at once, with no read in between, so IndexedDB stores
 * one while the next is still being prepared.
 */
export function writeListIndex(
  tables: IndexTables,
  changes: readonly IndexUpdate[],
  { current, pages, lastPages, figures: storedFigures }: IndexReads,
): Promise<unknown> {
  const touched = new Set<string>();
  /** What happened to each page's entries, in order, to be done to its figures page too. */
  const figureOps = new Map<
    string,
    ({ at: number; id: string; data: string } | { at: number })[]
  >();
  const figureOp = (key: string, op: { at: number; id: string; data: string } | { at: number }) => {
    const ops = figureOps.get(key);
    if (ops) ops.push(op);
    else figureOps.set(key, [op]);
  };
  const putRows = new Map<string, ListRow>();
  const deleteRows = new Set<string>();

  const lastPage = (type: string): ListPage => {
    let last = lastPages.get(type);
    if (!last || last.ids.length >= PAGE_SIZE) {
      const n = last ? Number(last.key.slice(type.length + 1)) + 1 : 0;
      last = {
        key: pageKey(type, n),
        type,
        ids: [],
        sort: [],
        status: [],
        place: [],
        text: [],
        sync: [],
      };
      pages.set(last.key, last);
      lastPages.set(type, last);
    }
    return last;
  };

  for (const change of changes) {
    const row = current.get(change.id);
    const page = row ? pages.get(row.page) : undefined;
    const at = page ? page.ids.indexOf(change.id) : -1;
    if ('onlySync' in change) {
      if (page && at >= 0) {
        page.sync[at] = change.sync;
        touched.add(page.key);
      }
      continue;
    }
    const record = change.record;
    const facts =
      record && !record.deleted && isListed(record.type)
        ? listFactsOf(record.type, record.body)
        : undefined;
    if (!record || !facts) {
      if (page && at >= 0) {
        removeAt(page, at);
        figureOp(page.key, { at });
        touched.add(page.key);
      }
      if (row) {
        current.delete(change.id);
        putRows.delete(change.id);
        deleteRows.add(change.id);
      }
      continue;
    }
    let target = page;
    let index = at;
    if (!target || index < 0) {
      target = lastPage(record.type);
      index = target.ids.length;
      target.ids.push(record.id);
    }
    target.sort[index] = facts.sort;
    target.status[index] = facts.status;
    target.place[index] = facts.place;
    target.text[index] = facts.text;
    target.sync[index] = change.sync;
    figureOp(target.key, { at: index, id: record.id, data: facts.figures ?? '' });
    touched.add(target.key);
    const next = { id: record.id, type: record.type, page: target.key, summary: facts.summary };
    current.set(record.id, next as ListRow);
    deleteRows.delete(record.id);
    putRows.set(record.id, next as ListRow);
  }

  const written = [...touched].flatMap((key) => {
    const page = pages.get(key);
    if (page) page.stamp = uuidv7();
    return page ? [page] : [];
  });
  const keptFigures: ListFiguresPage[] = [];
  const emptyFigures: string[] = [];
  for (const [key, ops] of figureOps) {
    const page = pages.get(key);
    const figures = storedFigures.get(key) ?? { key, type: page?.type ?? '', ids: [], data: [] };
    for (const op of ops) {
      if ('id' in op) {
        figures.ids[op.at] = op.id;
        figures.data[op.at] = op.data;
      } else {
        figures.ids.splice(op.at, 1);
        figures.data.splice(op.at, 1);
      }
    }
    figures.stamp = uuidv7();
    if (figures.ids.length > 0) keptFigures.push(figures);
    else emptyFigures.push(key);
  }
  return Promise.all([
    tables.listPages.bulkPut(written.filter((p) => p.ids.length > 0)),
    tables.listPages.bulkDelete(written.filter((p) => p.ids.length === 0).map((p) => p.key)),
    tables.listRows.bulkDelete([...deleteRows]),
    tables.listRows.bulkPut([...putRows.values()]),
    tables.listFigures.bulkPut(keptFigures),
    tables.listFigures.bulkDelete(emptyFigures),
  ]);
}

/**
 * Applies changes to the index, inside the caller's transaction (which must include
 * `listPages`, `listRows` and `listFigures`). A change without a record only sets the sync
 * state. `absent`: as for `readListIndex`.
 */
export async function updateListIndex(
  tables: IndexTables,
  changes: readonly IndexUpdate[],
  absent?: ReadonlySet<string>,
): Promise<void> {
  if (changes.length === 0) return;
  await writeListIndex(tables, changes, await readListIndex(tables, changes, absent));
}

/**
 * Builds the index from scratch out of what the device holds (the schema upgrade that
 * adds it, and a repair). Runs inside the caller's transaction.
 */
export async function rebuildListIndex(
  tables: Pick<
    SedpDatabase,
    'listPages' | 'listRows' | 'listFigures' | 'records' | 'outbox' | 'conflicts'
  >,
): Promise<void> {
  await tables.listPages.clear();
  await tables.listRows.clear();
  await tables.listFigures.clear();
  const [outbox, conflicts] = await Promise.all([
    tables.outbox.toArray(),
    tables.conflicts.toCollection().primaryKeys(),
  ]);
  const queued = new Map<string, OutboxEntry[]>();
  for (const entry of outbox) queued.set(entry.id, [...(queued.get(entry.id) ?? []), entry]);
  const conflicted = new Set(conflicts);
  for (const type of LISTED_TYPES) {
    const records = await tables.records.where('type').equals(type).toArray();
    await updateListIndex(
      tables,
      records
        .filter((r) => !r.deleted)
        .map((record) => ({
          id: record.id,
          record,
          sync: syncStateOf(queued.get(record.id) ?? [], conflicted.has(record.id)),
        })),
    );
  }
}
