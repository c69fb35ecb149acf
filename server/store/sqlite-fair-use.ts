/** Fair-use counters and blob references in SQLite. */
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from './sqlite-transaction.ts';
import type { Store } from './store.ts';

type FairUseMethods = Pick<
  Store,
  'blobsUploadedBy' | 'blobsStoredBefore' | 'deleteBlobUnlessReferenced' | 'takeAllowance'
>;

export function sqliteFairUse(db: DatabaseSync, now: () => Date): FairUseMethods {
  const sql = {
    inRecords: db.prepare('SELECT 1 FROM record_blobs WHERE sha256 = ? LIMIT 1'),
    // Old and conflicting versions have no index: a scan, run only for stale blobs no
    // current record names (the daily clean-up), never on a request.
    inRevisions: db.prepare('SELECT 1 FROM revisions WHERE instr(body, ?) > 0 LIMIT 1'),
    uploadedBy: db.prepare(
      `SELECT sha256, created_at AS createdAt FROM blobs
       WHERE created_by = ? AND created_at > ? ORDER BY created_at`,
    ),
    storedBefore: db.prepare('SELECT sha256 FROM blobs WHERE created_at < ? ORDER BY created_at'),
    deleteBlob: db.prepare('DELETE FROM blobs WHERE sha256 = ?'),
    counter: db.prepare(
      'SELECT window_start AS windowStart, amount FROM usage_counters WHERE user_id = ? AND kind = ?',
    ),
    setCounter: db.prepare(
      `INSERT INTO usage_counters (user_id, kind, window_start, amount) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, kind) DO UPDATE SET
         window_start = excluded.window_start, amount = excluded.amount`,
    ),
  };

  const namedAnywhere = (sha256: string) =>
    sql.inRecords.get(sha256) !== undefined || sql.inRevisions.get(sha256) !== undefined;

  /** Joins the transaction already open (a push's), or runs in its own. */
  const inWrite = <T>(fn: () => T): T => (db.isTransaction ? fn() : inTransaction(db, fn));

  return {
    blobsUploadedBy: (userId, since) => sql.uploadedBy.all(userId, since) as never,
    blobsStoredBefore: (before) =>
      (sql.storedBefore.all(before) as unknown as { sha256: string }[]).map((row) => row.sha256),
    deleteBlobUnlessReferenced: (sha256) =>
      inTransaction(db, () => {
        if (namedAnywhere(sha256)) return false;
        return Number(sql.deleteBlob.run(sha256).changes) > 0;
      }),
    takeAllowance(userId, checks) {
      const at = now().getTime();
      return inWrite(() => {
        const next: { kind: string; windowStart: number; amount: number }[] = [];
        for (const check of checks) {
          const windowStart = Math.floor(at / check.windowMs) * check.windowMs;
          const row = sql.counter.get(userId, check.kind) as
            | { windowStart: number; amount: number }
            | undefined;
          const used = row && row.windowStart === windowStart ? row.amount : 0;
          if (used > 0 && used + check.amount > check.max) {
            return { kind: check.kind, retryAfterMs: windowStart + check.windowMs - at };
          }
          next.push({ kind: check.kind, windowStart, amount: used + check.amount });
        }
        for (const counter of next) {
          sql.setCounter.run(userId, counter.kind, counter.windowStart, counter.amount);
        }
        return undefined;
      });
    },
  };
}
