/** Synced records, their revision history, push results and blob metadata in PostgreSQL. */
import type pg from 'pg';
import type { PullScope, Revision, Store, StoredRecord, SyncTransaction } from '../store.ts';
import { changed, first, inTransaction, LOCK, rows, WriteRaceError } from './postgres-client.ts';
import { takeAllowanceIn } from './postgres-fair-use.ts';

type SyncMethods = Pick<
  Store,
  | 'syncTransaction'
  | 'pull'
  | 'history'
  | 'recordsOfType'
  | 'blobInfo'
  | 'saveBlobInfo'
  | 'isBlobReferenced'
  | 'canReadBlob'
>;

const RECORD_COLUMNS =
  'id, type, rev, district_id, deleted, updated_at, updated_by, schema_version, body';

interface RecordRow {
  id: string;
  type: string;
  /** BIGINT arrives as a string; revisions stay far below 2^53. */
  rev: string;
  district_id: string | null;
  deleted: boolean;
  updated_at: string;
  updated_by: string;
  schema_version: number;
  body: string;
}

const toRecord = (row: RecordRow): StoredRecord => ({
  id: row.id,
  type: row.type,
  rev: Number(row.rev),
  districtId: row.district_id,
  deleted: row.deleted,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by,
  schemaVersion: row.schema_version,
  bodyJson: row.body,
});

interface RevisionRow {
  rev: string;
  record_id: string;
  type: string;
  body: string;
  deleted: boolean;
  updated_at: string;
  updated_by: string;
  schema_version: number;
  mutation_id: string | null;
  kind: 'applied' | 'conflict';
  user_id: string | null;
  device_id: string | null;
}

const MAX_BIGINT = '9223372036854775807';

/**
 * The revs of a scoped pull page: per reference type and per district, the next `limit`
 * revs from its own ordered index range (records_type, records_district), merged and cut
 * to `limit`. Each range stops after `limit` rows, so a page costs the same at any depth
 * (about 3 ms for 500 at 250,000 records, where one `type = ANY OR district_id = ANY` scan
 * took up to 180 ms). The ranges are row comparisons, (type, rev) between (t, cursor) and
 * (t, max), not `type = t AND rev > cursor`: given that, the planner, which cannot know how
 * rare a type from unnest() is, walked records_rev filtering by type; a row comparison
 * only the composite index can serve leaves it nothing else. UNION drops a record found
 * by both its type and its district.
 */
const SCOPED_PAGE = `
  WITH page AS (
    SELECT rev FROM (
      SELECT r.rev FROM unnest($2::text[]) AS t(type),
        LATERAL (SELECT rev FROM records
                 WHERE (type, rev) > (t.type, $1) AND (type, rev) <= (t.type, ${MAX_BIGINT})
                 ORDER BY type, rev LIMIT $4) AS r
      UNION
      SELECT r.rev FROM unnest($3::text[]) AS d(district_id),
        LATERAL (SELECT rev FROM records
                 WHERE (district_id, rev) > (d.district_id, $1)
                   AND (district_id, rev) <= (d.district_id, ${MAX_BIGINT})
                 ORDER BY district_id, rev LIMIT $4) AS r
    ) AS revs
    ORDER BY rev LIMIT $4
  )
  SELECT ${RECORD_COLUMNS} FROM records JOIN page USING (rev) ORDER BY rev`;

export function postgresSync(pool: pg.Pool, now: () => Date, schemaKey: number): SyncMethods {
  /** The methods of one push transaction on its connection. */
  function transaction(db: pg.PoolClient): SyncTransaction {
    /**
     * The rev each record had when this transaction read it (0: no record), so that
     * putRecord can tell when another transaction wrote the record in between.
     */
    const seen = new Map<string, number>();
    let holdsRevisionLock = false;

    return {
      async findMutation(mutationId) {
        return first<{ hash: string; userId: string; resultJson: string }>(
          db,
          `SELECT hash, user_id AS "userId", result AS "resultJson"
           FROM mutations WHERE mutation_id = $1`,
          [mutationId],
        );
      },
      async recordHead(id) {
        // FOR UPDATE: a push decides on this head (its base rev check), so a second push of
        // the same record waits here until this one commits, then reads the new head and
        // reports a conflict instead of overwriting it.
        const row = await first<{ type: string; rev: string; districtId: string | null }>(
          db,
          `SELECT type, rev, district_id AS "districtId" FROM records WHERE id = $1 FOR UPDATE`,
          [id],
        );
        seen.set(id, row ? Number(row.rev) : 0);
        return row && { type: row.type, rev: Number(row.rev), districtId: row.districtId };
      },
      async existingIds(ids) {
        const found = await rows<{ id: string }>(
          db,
          'SELECT id FROM records WHERE id = ANY($1::text[])',
          [[...ids]],
        );
        const existing = new Set(found.map((row) => row.id));
        for (const id of ids) if (!existing.has(id) && !seen.has(id)) seen.set(id, 0);
        return existing;
      },
      async record(id) {
        const row = await first<RecordRow>(
          db,
          `SELECT ${RECORD_COLUMNS} FROM records WHERE id = $1`,
          [id],
        );
        return row && toRecord(row);
      },
      async appendRevision(input) {
        if (!holdsRevisionLock) {
          // Revisions come from one sequence, and concurrent transactions commit in any
          // order: rev 11 could commit, and be pulled past, before rev 10 commits, and a
          // device whose cursor reached 11 would never get 10 (ODK Central #669). So the
          // numbering is serialised: from its first appendRevision until it commits, a
          // transaction holds this lock, and the next one cannot take a number before this
          // one is visible. Revisions thus become visible in rev order, and any snapshot
          // that sees a rev sees every lower one that will ever exist: a pull cursor cannot
          // skip. PostgreSQL makes a commit visible before it releases the transaction's
          // locks, so the order holds across server processes too. What a push does before
          // (reading heads, validating, its fair-use count) stays outside the lock; only the
          // writing tail of pushes is serialised. Keyed by schema, so test schemas do not
          // wait on each other. (The alternative, storing pg_current_xact_id() per revision
          // and pulling only below the snapshot's xmin, keeps writers parallel but lets one
          // long transaction hold back every pull.)
          await db.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK.revisions, schemaKey]);
          holdsRevisionLock = true;
        }
        const row = await first<{ rev: string }>(
          db,
          `INSERT INTO revisions (record_id, type, body, deleted, updated_at, updated_by,
             schema_version, mutation_id, kind, user_id, device_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
           RETURNING rev`,
          [
            input.recordId,
            input.type,
            input.bodyJson,
            input.deleted,
            input.updatedAt,
            input.updatedBy,
            input.schemaVersion,
            input.mutationId,
            input.kind,
            input.userId,
            input.deviceId,
          ],
        );
        if (!row) throw new Error('INSERT … RETURNING gave no revision');
        return Number(row.rev);
      },
      async putRecord(input) {
        const expected = seen.get(input.recordId);
        const values = [
          input.recordId,
          input.type,
          input.rev,
          input.districtId,
          input.deleted,
          input.updatedAt,
          input.updatedBy,
          input.schemaVersion,
          input.bodyJson,
        ];
        // Replaces the version this transaction read, and only that one. Read with a row
        // lock (recordHead), it is still there. Found missing, there was no row to lock: if
        // another transaction has created the record since, DO NOTHING leaves its version
        // alone (without waiting on its row) and this whole transaction runs again.
        const conflict =
          expected === 0
            ? 'DO NOTHING'
            : `DO UPDATE SET type = excluded.type, rev = excluded.rev,
                 district_id = excluded.district_id, deleted = excluded.deleted,
                 updated_at = excluded.updated_at, updated_by = excluded.updated_by,
                 schema_version = excluded.schema_version, body = excluded.body
               ${expected === undefined ? '' : 'WHERE records.rev = $10'}`;
        const written = await changed(
          db,
          `INSERT INTO records (${RECORD_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (id) ${conflict}`,
          expected === undefined || expected === 0 ? values : [...values, expected],
        );
        if (written === 0) {
          throw new WriteRaceError(`Record ${input.recordId} was written by another transaction`);
        }
        seen.set(input.recordId, input.rev);
        await db.query('DELETE FROM record_blobs WHERE record_id = $1', [input.recordId]);
        const blobs = [...(input.blobs ?? [])];
        if (blobs.length > 0) {
          // KEY SHARE on the blob rows: the clean-up's check-then-delete of a blob (which
          // locks its row FOR UPDATE) waits for this reference to commit, and then sees it.
          await db.query('SELECT 1 FROM blobs WHERE sha256 = ANY($1::text[]) FOR KEY SHARE', [
            blobs,
          ]);
          await db.query(
            `INSERT INTO record_blobs (sha256, record_id)
             SELECT sha256, $2 FROM unnest($1::text[]) AS sha256 ON CONFLICT DO NOTHING`,
            [blobs, input.recordId],
          );
        }
      },
      async saveMutation(input) {
        // A retry of the same change racing its original: both found no stored result. The
        // later one runs again and then answers `duplicate` from the stored one.
        const written = await changed(
          db,
          `INSERT INTO mutations (mutation_id, hash, result, user_id, device_id, created_at)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (mutation_id) DO NOTHING`,
          [
            input.mutationId,
            input.hash,
            input.resultJson,
            input.userId,
            input.deviceId,
            input.createdAt,
          ],
        );
        if (written === 0) {
          throw new WriteRaceError(`Mutation ${input.mutationId} was stored by another push`);
        }
      },
      async trimConflicts(recordId, keep) {
        await db.query(
          `DELETE FROM revisions WHERE record_id = $1 AND kind = 'conflict' AND rev NOT IN (
             SELECT rev FROM revisions WHERE record_id = $1 AND kind = 'conflict'
             ORDER BY rev DESC LIMIT $2)`,
          [recordId, keep],
        );
      },
      takeAllowance: (userId, checks) => takeAllowanceIn(db, now, userId, checks),
    };
  }

  const scopeArrays = (scope: PullScope & { all: false }) => [
    [...scope.referenceTypes],
    [...scope.districtIds],
  ];

  return {
    syncTransaction: (fn) => inTransaction(pool, (db) => fn(transaction(db))),
    async pull(since, limit, scope) {
      const found = scope.all
        ? await rows<RecordRow>(
            pool,
            `SELECT ${RECORD_COLUMNS} FROM records WHERE rev > $1 ORDER BY rev LIMIT $2`,
            [since, limit],
          )
        : await rows<RecordRow>(pool, SCOPED_PAGE, [since, ...scopeArrays(scope), limit]);
      return found.map(toRecord);
    },
    async history(recordId) {
      const found = await rows<RevisionRow>(
        pool,
        'SELECT * FROM revisions WHERE record_id = $1 ORDER BY rev',
        [recordId],
      );
      return found.map(
        (row): Revision => ({
          rev: Number(row.rev),
          recordId: row.record_id,
          type: row.type,
          body: JSON.parse(row.body) as Record<string, unknown>,
          deleted: row.deleted,
          updatedAt: row.updated_at,
          updatedBy: row.updated_by,
          schemaVersion: row.schema_version,
          mutationId: row.mutation_id,
          kind: row.kind,
          userId: row.user_id,
          deviceId: row.device_id,
        }),
      );
    },
    async recordsOfType(type) {
      const found = await rows<RecordRow>(
        pool,
        `SELECT ${RECORD_COLUMNS} FROM records WHERE type = $1 ORDER BY rev`,
        [type],
      );
      return found.map(toRecord);
    },
    async blobInfo(sha256) {
      const row = await first<{ sha256: string; size: string; mime: string }>(
        pool,
        'SELECT sha256, size, mime FROM blobs WHERE sha256 = $1',
        [sha256],
      );
      return row && { sha256: row.sha256, size: Number(row.size), mime: row.mime };
    },
    async saveBlobInfo(info) {
      await inTransaction(pool, async (db) => {
        await db.query(
          `INSERT INTO blobs (sha256, size, mime, created_at, created_by)
           VALUES ($1, $2, $3, $4, $5) ON CONFLICT (sha256) DO NOTHING`,
          [info.sha256, info.size, info.mime, now().toISOString(), info.createdBy],
        );
        await db.query(
          'INSERT INTO blob_uploaders (sha256, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [info.sha256, info.createdBy],
        );
      });
    },
    async isBlobReferenced(sha256) {
      return (
        (await first(pool, 'SELECT 1 FROM record_blobs WHERE sha256 = $1 LIMIT 1', [sha256])) !==
        undefined
      );
    },
    async canReadBlob(sha256, userId, scope) {
      if (scope.all) return true;
      const row = await first(
        pool,
        `SELECT 1 WHERE EXISTS (SELECT 1 FROM blob_uploaders WHERE sha256 = $1 AND user_id = $2)
           OR EXISTS (
             SELECT 1 FROM record_blobs JOIN records ON records.id = record_blobs.record_id
             WHERE record_blobs.sha256 = $1
               AND (records.type = ANY($3::text[]) OR records.district_id = ANY($4::text[])))`,
        [sha256, userId, ...scopeArrays(scope)],
      );
      return row !== undefined;
    },
  };
}
