/** Synced records, their revision history, push results and blob metadata in SQLite. */

import type { DatabaseSync } from 'node:sqlite';
import {
  RECORD_COLUMNS,
  type RecordRow,
  type RevisionRow,
  type SyncMethods,
  toRecord,
  toRevision,
} from './record-rows.ts';
import type { TakeAllowanceNow } from './sqlite-fair-use.ts';
import { type Exclusive, inAsyncTransaction, inTransaction } from './sqlite-transaction.ts';
import type {
  BlobInfo,
  RecordHead,
  StoredMutation,
  StoredRecord,
  SyncTransaction,
} from './store.ts';

export function sqliteSync(
  db: DatabaseSync,
  now: () => Date,
  exclusive: Exclusive,
  takeAllowanceNow: TakeAllowanceNow,
): SyncMethods {
  const sql = {
    findMutation: db.prepare(
      'SELECT hash, user_id AS userId, result AS resultJson FROM mutations WHERE mutation_id = ?',
    ),
    recordHead: db.prepare('SELECT type, rev, district_id AS districtId FROM records WHERE id = ?'),
    record: db.prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE id = ?`),
    existingIds: db.prepare('SELECT id FROM records WHERE id IN (SELECT value FROM json_each(?))'),
    ofType: db.prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE type = ? ORDER BY rev`),
    appendRevision: db.prepare(
      `INSERT INTO revisions (record_id, type, body, deleted, updated_at, updated_by,
         schema_version, mutation_id, kind, user_id, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    putRecord: db.prepare(
      `INSERT INTO records (${RECORD_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET type = excluded.type, rev = excluded.rev,
         district_id = excluded.district_id, deleted = excluded.deleted,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by,
         schema_version = excluded.schema_version, body = excluded.body`,
    ),
    saveMutation: db.prepare(
      `INSERT INTO mutations (mutation_id, hash, result, user_id, device_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    trimConflicts: db.prepare(
      `DELETE FROM revisions WHERE record_id = ? AND kind = 'conflict' AND rev NOT IN (
         SELECT rev FROM revisions WHERE record_id = ? AND kind = 'conflict'
         ORDER BY rev DESC LIMIT ?)`,
    ),
    pullAll: db.prepare(`SELECT ${RECORD_COLUMNS} FROM records WHERE rev > ? ORDER BY rev LIMIT ?`),
    // A scoped page is read one type and one district at a time, each a bounded range of
    // its (type, rev) or (district_id, rev) index that stops after `limit` rows, then merged:
    // one query with OR would read (and sort) every row past the cursor.
    pullOfType: db.prepare(
      `SELECT ${RECORD_COLUMNS} FROM records WHERE type = ? AND rev > ? ORDER BY rev LIMIT ?`,
    ),
    pullOfDistrict: db.prepare(
      `SELECT ${RECORD_COLUMNS} FROM records WHERE district_id = ? AND rev > ? ORDER BY rev LIMIT ?`,
    ),
    countAll: db.prepare('SELECT count(*) AS n FROM records WHERE rev > ?'),
    countOfType: db.prepare('SELECT count(*) AS n FROM records WHERE type = ? AND rev > ?'),
    countOfDistrict: db.prepare(
      'SELECT count(*) AS n FROM records WHERE district_id = ? AND rev > ?',
    ),
    // By type first: reference types are few rows, a district may be hundreds of thousands.
    countOfTypeInDistrict: db.prepare(
      `SELECT count(*) AS n FROM records INDEXED BY records_type
       WHERE type = ? AND rev > ? AND district_id = ?`,
    ),
    history: db.prepare('SELECT * FROM revisions WHERE record_id = ? ORDER BY rev'),
    blobInfo: db.prepare('SELECT sha256, size, mime FROM blobs WHERE sha256 = ?'),
    saveBlobInfo: db.prepare(
      `INSERT OR IGNORE INTO blobs (sha256, size, mime, created_at, created_by)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    saveUploader: db.prepare(
      'INSERT OR IGNORE INTO blob_uploaders (sha256, user_id) VALUES (?, ?)',
    ),
    clearRecordBlobs: db.prepare('DELETE FROM record_blobs WHERE record_id = ?'),
    addRecordBlob: db.prepare(
      'INSERT OR IGNORE INTO record_blobs (sha256, record_id) VALUES (?, ?)',
    ),
    isBlobReferenced: db.prepare('SELECT 1 FROM record_blobs WHERE sha256 = ? LIMIT 1'),
    isUploader: db.prepare('SELECT 1 FROM blob_uploaders WHERE sha256 = ? AND user_id = ?'),
    blobInScope: db.prepare(
      `SELECT 1 FROM record_blobs JOIN records ON records.id = record_blobs.record_id
       WHERE record_blobs.sha256 = ?
         AND (records.type IN (SELECT value FROM json_each(?))
              OR records.district_id IN (SELECT value FROM json_each(?)))
       LIMIT 1`,
    ),
  };

  /**
   * The statements of one push transaction. They run straight on the connection (the
   * transaction holds the queue) and only while it is open: a `tx` kept past its
   * `syncTransaction` would otherwise write outside any transaction.
   */
  const openTransaction = (): { tx: SyncTransaction; end(): void } => {
    let open = true;
    const use = <T>(fn: () => T): Promise<T> => {
      if (!open) return Promise.reject(new Error('This SyncTransaction has ended'));
      try {
        return Promise.resolve(fn());
      } catch (error) {
        return Promise.reject(error);
      }
    };
    const tx: SyncTransaction = {
      findMutation: (mutationId) =>
        use(() => sql.findMutation.get(mutationId) as StoredMutation | undefined),
      recordHead: (id) => use(() => sql.recordHead.get(id) as RecordHead | undefined),
      record: (id) =>
        use(() => {
          const row = sql.record.get(id) as RecordRow | undefined;
          return row && toRecord(row);
        }),
      existingIds: (ids) =>
        use(() => {
          const rows = sql.existingIds.all(JSON.stringify(ids)) as unknown as { id: string }[];
          return new Set(rows.map((row) => row.id));
        }),
      appendRevision: (input) =>
        use(() => {
          const { lastInsertRowid } = sql.appendRevision.run(
            input.recordId,
            input.type,
            input.bodyJson,
            input.deleted ? 1 : 0,
            input.updatedAt,
            input.updatedBy,
            input.schemaVersion,
            input.mutationId,
            input.kind,
            input.userId,
            input.deviceId,
          );
          return Number(lastInsertRowid);
        }),
      putRecord: (input) =>
        use(() => {
          sql.putRecord.run(
            input.recordId,
            input.type,
            input.rev,
            input.districtId,
            input.deleted ? 1 : 0,
            input.updatedAt,
            input.updatedBy,
            input.schemaVersion,
            input.bodyJson,
          );
          sql.clearRecordBlobs.run(input.recordId);
          for (const sha256 of input.blobs ?? []) sql.addRecordBlob.run(sha256, input.recordId);
        }),
      saveMutation: (input) =>
        use(() => {
          sql.saveMutation.run(
            input.mutationId,
            input.hash,
            input.resultJson,
            input.userId,
            input.deviceId,
            input.createdAt,
          );
        }),
      trimConflicts: (recordId, keep) =>
        use(() => {
          sql.trimConflicts.run(recordId, recordId, keep);
        }),
      // The same statements as Store.takeAllowance, in this transaction: the push and its
      // count are stored together or not at all.
      takeAllowance: (userId, checks) => use(() => takeAllowanceNow(userId, checks)),
    };
    return {
      tx,
      end() {
        open = false;
      },
    };
  };

  return {
    // Holds the connection's queue from BEGIN to COMMIT or ROLLBACK, so nothing else runs
    // on the connection while `fn` awaits (see connectionQueue).
    syncTransaction: (fn) =>
      exclusive(() => {
        const { tx, end } = openTransaction();
        return inAsyncTransaction(db, () => fn(tx)).finally(end);
      }),
    pull: (since, limit, scope) =>
      exclusive(() => {
        if (scope.all)
          return (sql.pullAll.all(since, limit) as unknown as RecordRow[]).map(toRecord);
        const byRev = new Map<number, StoredRecord>();
        const add = (found: unknown[]) => {
          for (const record of (found as RecordRow[]).map(toRecord)) byRev.set(record.rev, record);
        };
        for (const type of new Set(scope.referenceTypes))
          add(sql.pullOfType.all(type, since, limit));
        for (const district of new Set(scope.districtIds)) {
          add(sql.pullOfDistrict.all(district, since, limit));
        }
        return [...byRev.values()].sort((a, b) => a.rev - b.rev).slice(0, limit);
      }),
    countPull: (since, scope) =>
      exclusive(() => {
        const count = (row: unknown) => Number((row as { n: number }).n);
        if (scope.all) return count(sql.countAll.get(since));
        const types = [...new Set(scope.referenceTypes)];
        const districts = [...new Set(scope.districtIds)];
        let n = 0;
        for (const type of types) n += count(sql.countOfType.get(type, since));
        for (const district of districts) n += count(sql.countOfDistrict.get(district, since));
        // A record found both by its type and its district comes once.
        for (const type of types) {
          for (const district of districts) {
            n -= count(sql.countOfTypeInDistrict.get(type, since, district));
          }
        }
        return n;
      }),
    history: (recordId) =>
      exclusive(() => (sql.history.all(recordId) as unknown as RevisionRow[]).map(toRevision)),
    recordsOfType: (type) =>
      exclusive(() => (sql.ofType.all(type) as unknown as RecordRow[]).map(toRecord)),
    blobInfo: (sha256) => exclusive(() => sql.blobInfo.get(sha256) as BlobInfo | undefined),
    saveBlobInfo: (info) =>
      exclusive(() =>
        inTransaction(db, () => {
          sql.saveBlobInfo.run(
            info.sha256,
            info.size,
            info.mime,
            now().toISOString(),
            info.createdBy,
          );
          sql.saveUploader.run(info.sha256, info.createdBy);
        }),
      ),
    isBlobReferenced: (sha256) => exclusive(() => sql.isBlobReferenced.get(sha256) !== undefined),
    canReadBlob: (sha256, userId, scope) =>
      exclusive(() => {
        if (scope.all) return true;
        if (sql.isUploader.get(sha256, userId) !== undefined) return true;
        const row = sql.blobInScope.get(
          sha256,
          JSON.stringify(scope.referenceTypes),
          JSON.stringify(scope.districtIds),
        );
        return row !== undefined;
      }),
  };
}
