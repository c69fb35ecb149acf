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
 * see room for themselves. Taken in a push's transaction, it comes before the revision
 * lock, always in that order. `flushed: false` (a transaction of its own) lets its COMMIT
 * answer before the WAL reaches the disk (see takeAllowance below).
 */
export async function takeAllowanceIn(
  db: pg.PoolClient,
  now: () => Date,
  userId: string,
  checks: readonly AllowanceCheck[],
  { flushed = true }: { flushed?: boolean } = {},
): Promise<{ kind: string; retryAfterMs: number } | undefined> {
  // The lock on its own statement: at READ COMMITTED a statement reads from the snapshot
  // taken when it starts, so counters read in the statement that waited for the lock could
  // predate the commit of the request that held it.
  await db.query(
    flushed
      ? 'SELECT pg_advisory_xact_lock($1, hashtext($2))'
      : `SELECT pg_advisory_xact_lock($1, hashtext($2)),
           set_config('synchronous_commit', 'off', true)`,
    [LOCK.allowance, userId],
  );
  // Then reading the counters, deciding and counting in one statement (one round trip):
  // each check's count so far in its current window, the first check that would go over
  // (a counter at zero takes one request however large), and the new counts, written only
  // when no check is over.
  const at = now().getTime();
  const windowStarts = checks.map((check) => Math.floor(at / check.windowMs) * check.windowMs);
  const refused = await rows<{ position: number }>(
    db,
    `WITH checks AS (
       SELECT * FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[])
         WITH ORDINALITY AS c(kind, window_start, max, amount, position)
     ), used AS (
       SELECT checks.*, CASE WHEN counters.window_start = checks.window_start
         THEN counters.amount ELSE 0 END AS used
       FROM checks LEFT JOIN usage_counters AS counters
         ON counters.user_id = $1 AND counters.kind = checks.kind
     ), over AS (
       SELECT position FROM used WHERE used > 0 AND used + amount > max
       ORDER BY position LIMIT 1
     ), counted AS (
       INSERT INTO usage_counters (user_id, kind, window_start, amount)
       SELECT $1, kind, window_start, used + amount FROM used
       WHERE NOT EXISTS (SELECT 1 FROM over)
       ON CONFLICT (user_id, kind) DO UPDATE SET
         window_start = excluded.window_start, amount = excluded.amount
     )
     SELECT position::int FROM over`,
    [
      userId,
      checks.map((check) => check.kind),
      windowStarts,
      checks.map((check) => check.max),
      checks.map((check) => check.amount),
    ],
  );
  const position = refused[0]?.position;
  if (position === undefined) return undefined;
  const check = checks[position - 1] as AllowanceCheck;
  const windowStart = windowStarts[position - 1] as number;
  return { kind: check.kind, retryAfterMs: windowStart + check.windowMs - at };
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
    // Its own short transaction, also for pushes (`countsPushesApart`): the account's lock
    // and counter row are held only while counting, so the pushes of one account (two
    // devices, a retry) run side by side up to the revision lock instead of one after the
    // other to their COMMIT. A push that fails after it stays counted: it was a request.
    // Not flushed to disk before it answers (synchronous_commit off): a crash within the
    // WAL writer's delay forgets the last counts, which only gives an account a few more
    // requests, and the count then costs the push no fsync of its own.
    takeAllowance: (userId, checks) =>
      inTransaction(pool, (db) => takeAllowanceIn(db, now, userId, checks, { flushed: false })),
  };
}
