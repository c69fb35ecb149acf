/**
 * Revisions the server gave records this device pushed (`SyncedRev`), kept beside the
 * records instead of rewriting each record when the acknowledgement comes.
 *
 * One row per settled batch: its ids and their revisions, in the same order, with a
 * multi-entry index on the ids. Settling a batch writes one row, not one per change (a
 * hundred IndexedDB puts cost a settled batch about a third of its time on the device).
 * A record pushed in several batches before a pull brought it back sits in several rows;
 * its side revision is the largest (revisions only grow). A pull that brings the record
 * back newer than this, a later write of it, or its removal from the device drops it from
 * every row, and a row left empty goes. Its own change coming back leaves the row as it
 * is (the record is not rewritten for it), so rows add up with pushes: a few hundred on a
 * device that pushed tens of thousands of changes.
 */
import type { EntityTable } from 'dexie';

/**
 * The revision the server gave a record this device pushed, kept beside the record instead
 * of rewriting the whole record when the acknowledgement comes. A record's revision is the
 * larger of its own `rev` and this one (revisions only grow); a later write of the record
 * folds it back in and drops it from the rows. It exists only beside its record: whatever
 * removes a record from the device drops it too (district scope, wiping the device).
 */
export interface SyncedRev {
  id: string;
  rev: number;
}

export interface RevBatch {
  /** Given by the table (auto-increment). */
  key?: number;
  ids: string[];
  revs: number[];
}

/** The table this reads and writes (named by shape: the database imports this module). */
interface RevTables {
  revBatches: EntityTable<RevBatch, 'key'>;
}

/**
 * At most this many rows (50,000 ids, about 2 MB) are read whole rather than looked up id
 * by id: for a pull page of 1,000 ids, reading 200 rows took a fifth of the lookups' time.
 */
export const ROWS_READ_WHOLE = 500;

/**
 * The rows naming any of these ids: none read when there are none at all; all of them when
 * there are no more rows than ids (a pull page), up to ROWS_READ_WHOLE; else the keys of
 * the rows naming each id (small answers), then each of those rows once (a record saved
 * in an editor; a pull page of 1,000 of this device's own changes names about ten).
 */
async function rowsNaming(db: RevTables, ids: readonly string[]): Promise<RevBatch[]> {
  if (ids.length === 0) return [];
  const held = await db.revBatches.count();
  if (held === 0) return [];
  const unique = [...new Set(ids)];
  if (held <= Math.min(ROWS_READ_WHOLE, unique.length)) return db.revBatches.toArray();
  const keys = await Promise.all(
    unique.map((id) => db.revBatches.where('ids').equals(id).primaryKeys()),
  );
  const rows = await db.revBatches.bulkGet([...new Set(keys.flat())]);
  return rows.filter((row): row is RevBatch => Boolean(row));
}

/** The largest side revision of each id the rows name. */
function largest(rows: readonly RevBatch[]): Map<string, number> {
  const revs = new Map<string, number>();
  for (const row of rows) {
    row.ids.forEach((id, i) => {
      const rev = row.revs[i] ?? 0;
      if (rev > (revs.get(id) ?? 0)) revs.set(id, rev);
    });
  }
  return revs;
}

/** The side revisions of these ids, in their order (undefined: none). */
export async function sideRevsOf(
  db: RevTables,
  ids: readonly string[],
): Promise<(SyncedRev | undefined)[]> {
  const revs = largest(await rowsNaming(db, ids));
  return ids.map((id) => {
    const rev = revs.get(id);
    return rev === undefined ? undefined : { id, rev };
  });
}

/** One id's side revision (undefined: none). */
export async function sideRevOf(db: RevTables, id: string): Promise<SyncedRev | undefined> {
  const rows = await db.revBatches.where('ids').equals(id).toArray();
  const rev = largest(rows).get(id);
  return rev === undefined ? undefined : { id, rev };
}

/**
 * Keeps the revisions a settled batch got: one row. Returns the table's own promise (not
 * an async function's), so a caller may send it along and await it later in its transaction.
 */
export function addSideRevs(db: RevTables, revs: ReadonlyMap<string, number>): Promise<unknown> {
  if (revs.size === 0) return Promise.resolve();
  return db.revBatches.add({ ids: [...revs.keys()], revs: [...revs.values()] });
}

/** Drops these ids from every row (the records carry their revision, or are gone). */
export async function dropSideRevs(db: RevTables, ids: readonly string[]): Promise<void> {
  const drop = new Set(ids);
  const emptied: number[] = [];
  const kept: RevBatch[] = [];
  for (const row of await rowsNaming(db, ids)) {
    if (row.key === undefined || !row.ids.some((id) => drop.has(id))) continue;
    const at = row.ids.flatMap((id, i) => (drop.has(id) ? [] : [i]));
    if (at.length === 0) emptied.push(row.key);
    else
      kept.push({
        key: row.key,
        ids: at.map((i) => row.ids[i] ?? ''),
        revs: at.map((i) => row.revs[i] ?? 0),
      });
  }
  await Promise.all([
    emptied.length > 0 && db.revBatches.bulkDelete(emptied),
    kept.length > 0 && db.revBatches.bulkPut(kept),
  ]);
}

/** How many rows there are (a test's and a check's view; 0: no side revision at all). */
export function sideRevRows(db: RevTables): Promise<number> {
  return db.revBatches.count();
}

/** Rows of the side revisions older versions kept one per record (schema 4 and 5). */
export function revBatchesOf(rows: readonly SyncedRev[], size = 100): RevBatch[] {
  const batches: RevBatch[] = [];
  for (let at = 0; at < rows.length; at += size) {
    const part = rows.slice(at, at + size);
    batches.push({ ids: part.map((r) => r.id), revs: part.map((r) => r.rev) });
  }
  return batches;
}
