/** Fair-use counters and blob clean-up in PostgreSQL. */
import type pg from 'pg';
import type { AllowanceCheck, Store } from '../store.ts';
import { changed, first, inTransaction, LOCK, rows } from './postgres-client.ts';

type FairUseMethods = Pick<
  Store,
  'blobsUploadedBy' | 'blobsStoredBefore' | 'deleteBlobUnlessReferenced' | 'takeAllowance'
>;

/**
 * `takeAllowance` on an open transaction. The account's advisory lock makes reading its
 * counters and adding to them one step (a row lock could not cover a counter's first row,
 * which does not exist yet): parallel requests of one account, in any process, cannot all
 * see room for themselves. A push takes it before its revision lock, always in that order.
 */
export async function takeAllowanceIn(
  db: pg.PoolClient,
  now: () => Date,
  userId: string,
  checks: readonly AllowanceCheck[],
): Promise<{ kind: string; retryAfterMs: number } | undefined> {
  // The lock on its own statement: at READ COMMITTED a statement reads from the snapshot
  // taken when it starts, so counters read in the statement that waited for the lock could
  // predate the commit of the request that held it.
  await db.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK.allowance, userId]);
  const found = await rows<{ kind: string; windowStart: string; amount: string }>(
    db,
    `SELECT kind, window_start AS "windowStart", amount FROM usage_counters
     WHERE user_id = $1 AND kind = ANY($2::text[])`,
    [userId, checks.map((check) => check.kind)],
  );
  const counters = new Map(found.map((row) => [row.kind, row]));
  const at = now().getTime();
  const next: { kind: string; windowStart: number; amount: number }[] = [];
  for (const check of checks) {
    const windowStart = Math.floor(at / check.windowMs) * check.windowMs;
    const row = counters.get(check.kind);
    const used = row && Number(row.windowStart) === windowStart ? Number(row.amount) : 0;
    if (used > 0 && used + check.amount > check.max) {
      return { kind: check.kind, retryAfterMs: windowStart + check.windowMs - at };
    }
    next.push({ kind: check.kind, windowStart, amount: used + check.amount });
  }
  if (next.length > 0) {
    await db.query(
      `INSERT INTO usage_counters (user_id, kind, window_start, amount)
       SELECT $1, * FROM unnest($2::text[], $3::bigint[], $4::bigint[])
       ON CONFLICT (user_id, kind) DO UPDATE SET
         window_start = excluded.window_start, amount = excluded.amount`,
      [
        userId,
        next.map((counter) => counter.kind),
        next.map((counter) => counter.windowStart),
        next.map((counter) => counter.amount),
      ],
    );
  }
  return undefined;
}

export function postgresFairUse(pool: pg.Pool, now: () => Date): FairUseMethods {
  return {
    async blobsUploadedBy(userId, since) {
      return rows<{ sha256: string; createdAt: string }>(
        pool,
        `SELECT sha256, created_at AS "createdAt" FROM blobs
         WHERE created_by = $1 AND created_at > $2 ORDER BY created_at`,
        [userId, since],
      );
    },
    async blobsStoredBefore(before) {
      const found = await rows<{ sha256: string }>(
        pool,
        'SELECT sha256 FROM blobs WHERE created_at < $1 ORDER BY created_at',
        [before],
      );
      return found.map((row) => row.sha256);
    },
    deleteBlobUnlessReferenced: (sha256) =>
      inTransaction(pool, async (db) => {
        // The row lock first: a push naming this blob meanwhile holds KEY SHARE on it
        // (postgres-sync.ts), so this waits for it to commit, and the checks below, each
        // with a fresh snapshot, then see its reference.
        const blob = await first(db, 'SELECT 1 FROM blobs WHERE sha256 = $1 FOR UPDATE', [sha256]);
        if (!blob) return false;
        const inRecords = await first(db, 'SELECT 1 FROM record_blobs WHERE sha256 = $1 LIMIT 1', [
          sha256,
        ]);
        if (inRecords) return false;
        // Old and conflicting versions have no index: a scan, run only for stale blobs no
        // current record names (the daily clean-up), never on a request.
        const inRevisions = await first(
          db,
          'SELECT 1 FROM revisions WHERE strpos(body, $1) > 0 LIMIT 1',
          [sha256],
        );
        if (inRevisions) return false;
        return (await changed(db, 'DELETE FROM blobs WHERE sha256 = $1', [sha256])) > 0;
      }),
    takeAllowance: (userId, checks) =>
      inTransaction(pool, (db) => takeAllowanceIn(db, now, userId, checks)),
  };
}
