import { Dexie, type EntityTable } from 'dexie';
import type { StoredOutboxEntry } from '../domain/outbox-entry.ts';
import type { SyncedRecord } from '../domain/record.ts';
import type { ServerRecord } from '../domain/sync-protocol.ts';
import {
  type ListFiguresPage,
  type ListPage,
  type ListRow,
  rebuildListIndex,
} from './list-index.ts';
import { FOLLOWERS, followersIn } from './outbox-followers.ts';
import { type RevBatch, revBatchesOf, type SyncedRev, sideRevOf, sideRevsOf } from './side-revs.ts';

/** An unsaved form, kept so that a killed tab or an app update loses nothing. */
export interface Draft {
  key: string;
  value: unknown;
  updatedAt: string;
}

/** A device preference (language, device id, ...). */
export interface Pref {
  key: string;
  value: unknown;
}

/** The server's version of a record that conflicts with this device's, kept side by side. */
export interface Conflict {
  /** The record's id. */
  id: string;
  type: string;
  /** This device's version when the server answered `conflict`. */
  local: SyncedRecord;
  remote: ServerRecord;
  mutationId: string;
  detectedAt: string;
}

/** An attachment's bytes (a photo of a signed sheet, a scan), named by their SHA-256. */
export interface StoredBlob {
  sha256: string;
  /** Bytes rather than a Blob: older iOS Safari cannot keep Blobs in IndexedDB. */
  bytes: ArrayBuffer;
  mime: string;
  size: number;
  createdAt: string;
  /**
   * 0 waiting to go up, 1 once the server has it, 2 refused by the server (wrong type, too
   * large...): kept on the device and left out of sync until the user tries it again.
   * (IndexedDB cannot index booleans.)
   */
  uploaded: 0 | 1 | 2;
  /** The server's reason, with `uploaded` 2. */
  refusal?: string;
}

export type { SyncedRev } from './side-revs.ts';

export type SedpDatabase = Dexie & {
  records: EntityTable<SyncedRecord, 'id'>;
  /** Entries are added without `seq` (Dexie gives it) and always read with it. */
  outbox: EntityTable<StoredOutboxEntry, 'seq'>;
  drafts: EntityTable<Draft, 'key'>;
  prefs: EntityTable<Pref, 'key'>;
  conflicts: EntityTable<Conflict, 'id'>;
  /** Sync bookkeeping: pull cursor, last success; written with the data it describes. */
  syncMeta: EntityTable<Pref, 'key'>;
  blobs: EntityTable<StoredBlob, 'sha256'>;
  /** The lists' index (see list-index.ts): columns by page, and a summary per record. */
  listPages: EntityTable<ListPage, 'key'>;
  listRows: EntityTable<ListRow, 'id'>;
  listFigures: EntityTable<ListFiguresPage, 'key'>;
  /** The side revisions, one row per settled batch (side-revs.ts). */
  revBatches: EntityTable<RevBatch, 'key'>;
};

export const DATABASE_NAME = 'sedp-field';

/**
 * Opens (lazily, on first use) the device database. Schema versions are only ever
 * added, never edited: a phone may skip several app versions between two visits.
 * Dexie reopens the connection by itself when the browser closes it (iOS does).
 */
export function createDatabase(name: string = DATABASE_NAME): SedpDatabase {
  const db = new Dexie(name) as SedpDatabase;
  db.version(1).stores({
    records: 'id, type, [type+updatedAt], updatedAt',
    outbox: '++seq, &mutationId, id, state',
    drafts: 'key, updatedAt',
    prefs: 'key',
  });
  db.version(2).stores({
    conflicts: 'id, type',
    syncMeta: 'key',
    blobs: 'sha256, uploaded',
  });
  // The list index, built once from the records already on the device.
  db.version(3)
    .stores({
      listPages: 'key, type',
      listRows: 'id, type',
      listFigures: 'key, type',
    })
    .upgrade((tx) =>
      rebuildListIndex({
        listPages: tx.table('listPages'),
        listRows: tx.table('listRows'),
        listFigures: tx.table('listFigures'),
        records: tx.table('records'),
        outbox: tx.table('outbox'),
        conflicts: tx.table('conflicts'),
      }),
    );
  // Revisions acknowledged by the server, beside the records instead of rewriting them.
  db.version(4).stores({
    revs: 'id',
  });
  // Entries queued behind another of their record, named in one row (outbox-followers.ts).
  db.version(5)
    .stores({})
    .upgrade(async (tx) => {
      const entries = (await tx.table('outbox').toArray()) as { seq: number; id: string }[];
      const followers = followersIn(entries);
      if (followers.length > 0)
        await tx.table('syncMeta').put({ key: FOLLOWERS, value: followers });
    });
  // The side revisions, one row per settled batch instead of one per record (side-revs.ts).
  db.version(6)
    .stores({ revBatches: '++key, *ids' })
    .upgrade(async (tx) => {
      const rows = (await tx.table('revs').toArray()) as SyncedRev[];
      if (rows.length > 0) await tx.table('revBatches').bulkAdd(revBatchesOf(rows));
    });
  db.version(7).stores({ revs: null });
  return db;
}

/**
 * A record's revision: its own, or the one its last acknowledged push got, whichever is
 * newer. A record not on the device has none (a side row left behind counts for nothing).
 */
export function revOf(record: SyncedRecord | undefined, side: SyncedRev | undefined): number {
  return record ? Math.max(record.rev, side?.rev ?? 0) : 0;
}

/** Records as they stand, each with its revision (the side table folded in). */
export async function withRevs<R extends SyncedRecord>(
  db: SedpDatabase,
  records: R[],
): Promise<R[]> {
  const side = await sideRevsOf(
    db,
    records.map((r) => r.id),
  );
  return records.map((record, i) => {
    const rev = revOf(record, side[i]);
    return rev === record.rev ? record : { ...record, rev };
  });
}

/** One record's revision as this device knows it (0 when it has none). */
export async function recordRev(db: SedpDatabase, id: string): Promise<number> {
  const [record, side] = await Promise.all([db.records.get(id), sideRevOf(db, id)]);
  return revOf(record, side);
}
