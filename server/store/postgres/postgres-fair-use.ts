/** Fair-use counters and blob clean-up in PostgreSQL. */
import type pg from 'pg';
import type { AllowanceCheck, Store } from '../store.ts';
import { changed, first, inTransaction, LOCK, rows } from './postgres-client.ts';

type FairUseMethods = Pick<
  Store,
  'blobsUploadedBy' | 'blobsStoredBefore' | 'deleteBlobUnlessReferenced' | 'takeAllowance'
>;

/**
 * Counts `checks` for the account, all or none (schema step 9's sedp_take_allowance). The
 * account's advisory lock makes reading its counters and adding to them one step (a row
 * lock could not cover a counter's first row, which does not exist yet): parallel
 * requests of one account, in any process, cannot all see room for themselves. On a push's
 * open transaction (`durable`), it holds that lock until the push commits and comes before
 * the revision lock, always in that order; on the pool (a transaction of its own, not
 * durable) it commits at once, without waiting for its WAL to reach the disk.
 */
export async function takeAllowanceIn(
  db: pg.Pool | pg.PoolClient,
  now: () => Date,
  userId: string,
  checks: readonly AllowanceCheck[],
  { durable }: { durable: boolean },
): Promise<{ kind: string; retryAfterMs: number } | undefined> {
  const at = now().getTime();
  const windowStarts = checks.map((check) => Math.floor(at / check.windowMs) * check.windowMs);
  const [refused] = await rows<{ position: number | null }>(
    db,
    'SELECT sedp_take_allowance($1, $2, $3, $4, $5, $6, $7) AS position',
    [
      LOCK.allowance,
      userId,
      checks.map((check) => check.kind),
      windowStarts,
      checks.map((check) => check.max),
      checks.map((check) => check.amount),
      durable,
    ],
  );
  const position = refused?.position;
  if (position === null || position === undefined) return undefined;
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
    // One statement of its own, also for pushes (`countsPushesApart`): the account's lock
    // and counter row are held only while counting, so the pushes of one account (two
    // devices, a retry) run side by side up to the revision lock instead of one after the
    // other to their COMMIT. A push that fails after it stays counted: it was a request.
    // Not flushed to disk before it answers (synchronous_commit off): a crash within the
    // WAL writer's delay forgets the last counts, which only gives an account a few more
    // requests, and the count then costs the push no fsync of its own.
    takeAllowance: (userId, checks) =>
      takeAllowanceIn(pool, now, userId, checks, { durable: false }),
  };
}
