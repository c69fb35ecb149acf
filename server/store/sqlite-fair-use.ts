/** Fair-use counters and blob references in SQLite. */
import type { DatabaseSync } from 'node:sqlite';
import { type Exclusive, inTransaction } from './sqlite-transaction.ts';
import type { AllowanceCheck, Store } from './store.ts';

type FairUseMethods = Pick<
  Store,
  'blobsUploadedBy' | 'blobsStoredBefore' | 'deleteBlobUnlessReferenced' | 'takeAllowance'
>;

/** Takes an allowance in the transaction the caller has open (synchronous, like node:sqlite). */
export type TakeAllowanceNow = (
  userId: string,
  checks: readonly AllowanceCheck[],
) => { kind: string; retryAfterMs: number } | undefined;

export function sqliteAllowance(db: DatabaseSync, now: () => Date): TakeAllowanceNow {
  const sql = {
    counter: db.prepare(
      'SELECT window_start AS windowStart, amount FROM usage_counters WHERE user_id = ? AND kind = ?',
    ),
    setCounter: db.prepare(
      `INSERT INTO usage_counters (user_id, kind, window_start, amount) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, kind) DO UPDATE SET
         window_start = excluded.window_start, amount = excluded.amount`,
    ),
  };
  return (userId, checks) => {
    const at = now().getTime();
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
  };
}

export function sqliteFairUse(
  db: DatabaseSync,
  exclusive: Exclusive,
  takeAllowanceNow: TakeAllowanceNow,
): FairUseMethods {
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
  };

  const namedAnywhere = (sha256: string) =>
    sql.inRecords.get(sha256) !== undefined || sql.inRevisions.get(sha256) !== undefined;

  return {
    blobsUploadedBy: (userId, since) =>
      exclusive(
        () =>
          sql.uploadedBy.all(userId, since) as unknown as { sha256: string; createdAt: string }[],
      ),
    blobsStoredBefore: (before) =>
      exclusive(() =>
        (sql.storedBefore.all(before) as unknown as { sha256: string }[]).map((row) => row.sha256),
      ),
    deleteBlobUnlessReferenced: (sha256) =>
      exclusive(() =>
        inTransaction(db, () => {
          if (namedAnywhere(sha256)) return false;
          return Number(sql.deleteBlob.run(sha256).changes) > 0;
        }),
      ),
    // Its own transaction; a push takes its allowance through SyncTransaction.takeAllowance.
    takeAllowance: (userId, checks) =>
      exclusive(() => inTransaction(db, () => takeAllowanceNow(userId, checks))),
  };
}
