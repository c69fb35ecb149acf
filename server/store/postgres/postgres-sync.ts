/** Synced records, their revision history, push results and blob metadata in PostgreSQL. */

import type pg from 'pg';
import {
  RECORD_COLUMNS,
  type RecordRow,
  type RevisionRow,
  type SyncMethods,
  toRecord,
  toRevision,
} from '../record-rows.ts';
import type {
  MutationRecord,
  PullScope,
  RevisionInput,
  StoredMutation,
  StoredRecord,
  SyncTransaction,
} from '../store.ts';
import { first, inTransaction, LOCK, rows, WriteRaceError } from './postgres-client.ts';
import { takeAllowanceIn } from './postgres-fair-use.ts';

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

/**
 * The writes of a push transaction, held until `fn` returns (or until a read needs them),
 * then written with a few multi-row statements: a batch of 100 changes costs a handful of
 * round trips instead of several per change, and the revision lock is held for those only.
 */
interface PendingPut {
  record: StoredRecord;
  /** As putRecord's check: the rev this transaction read (0: none), or undefined (not read). */
  expected: number | undefined;
  blobs: readonly string[];
}

/**
 * Everything a flush writes, in one statement: revisions (their numbers given, see
 * appendRevision), push results, records. No foreign keys join these tables, and each row
 * is written once, so the parts can run side by side. A record is inserted when this
 * transaction found none (expected 0: a concurrent insert makes it DO NOTHING, and the
 * count shows the race), updated only at the rev it read (expected > 0), or upserted when
 * it was never read (expected -1, seeded reference data). The sequence is moved past the
 * last number used ($22, under the revision lock) so the next transaction goes on from it.
 *
 * Each body is stored once (schema step 9): a revision that a record of this flush is
 * written at comes without its body (NULL in $4), which the record's row holds, and every
 * record whose row moves on from a revision copies its body into that revision first
 * (`kept`; the statement's sub-statements all read the rows as they were before it). So
 * a revision's body is NULL exactly while a record is at it, and history reads
 * coalesce(revision, record). Sent once as well: the driver escapes and encodes each body
 * one time. Arrays, not JSON: json_to_recordset parsed a batch's rows slower than the
 * arrays are read.
 */
const FLUSH = `
  WITH rev AS (
    INSERT INTO revisions (rev, record_id, type, body, deleted, updated_at, updated_by,
      schema_version, mutation_id, kind, user_id, device_id)
    OVERRIDING SYSTEM VALUE
    SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[],
      $6::text[], $7::text[], $8::int[], $9::text[], $10::text[], $11::text[], $12::text[])
    RETURNING 1
  ), mut AS (
    INSERT INTO mutations (mutation_id, hash, result, user_id, device_id, created_at)
    SELECT * FROM unnest($13::text[], $14::text[], $15::text[], $16::text[], $17::text[],
      $18::text[])
    ON CONFLICT (mutation_id) DO NOTHING
    RETURNING 1
  ), input AS (
    SELECT * FROM unnest($19::text[], $20::text[], $21::bigint[], $23::text[], $24::boolean[],
      $25::text[], $26::text[], $27::int[], $28::text[], $29::bigint[])
      AS i(id, type, rev, district_id, deleted, updated_at, updated_by, schema_version, body,
        expected)
  ), kept AS (
    UPDATE revisions SET body = records.body
    FROM records JOIN input ON input.expected <> 0 AND records.id = input.id
    WHERE revisions.rev = records.rev AND revisions.body IS NULL
    RETURNING 1
  ), created AS (
    INSERT INTO records (${RECORD_COLUMNS})
    SELECT ${RECORD_COLUMNS} FROM input WHERE expected = 0
    ON CONFLICT (id) DO NOTHING
    RETURNING 1
  ), replaced AS (
    UPDATE records SET type = i.type, rev = i.rev, district_id = i.district_id,
      deleted = i.deleted, updated_at = i.updated_at, updated_by = i.updated_by,
      schema_version = i.schema_version, body = i.body
    FROM input AS i WHERE i.expected > 0 AND records.id = i.id AND records.rev = i.expected
    RETURNING 1
  ), upserted AS (
    INSERT INTO records (${RECORD_COLUMNS})
    SELECT ${RECORD_COLUMNS} FROM input WHERE expected < 0
    ON CONFLICT (id) DO UPDATE SET type = excluded.type, rev = excluded.rev,
      district_id = excluded.district_id, deleted = excluded.deleted,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by,
      schema_version = excluded.schema_version, body = excluded.body
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM rev)::int AS revisions,
    (SELECT count(*) FROM mut)::int AS mutations,
    ((SELECT count(*) FROM created) + (SELECT count(*) FROM replaced)
      + (SELECT count(*) FROM upserted))::int AS records,
    CASE WHEN $22::bigint IS NULL THEN NULL
      ELSE setval(pg_get_serial_sequence('revisions', 'rev'), $22::bigint) END AS last`;

/**
 * The blobs the written records name replace the ones they named: references no longer
 * named are deleted, new ones inserted (the two touch different rows, so one statement
 * does both). KEY SHARE on the blob rows: the clean-up's check-then-delete of a blob (which
 * locks its row FOR UPDATE) waits for these references to commit, and then sees them.
 */
const FLUSH_BLOBS = `
  WITH named AS (
    SELECT * FROM unnest($2::text[], $3::text[]) AS n(sha256, record_id)
  ), locked AS (
    SELECT 1 FROM blobs WHERE sha256 IN (SELECT sha256 FROM named) FOR KEY SHARE
  ), gone AS (
    DELETE FROM record_blobs WHERE record_id = ANY($1::text[])
      AND (sha256, record_id) NOT IN (SELECT sha256, record_id FROM named)
  )
  INSERT INTO record_blobs (sha256, record_id)
  SELECT sha256, record_id FROM named WHERE (SELECT count(*) FROM locked) >= 0
  ON CONFLICT DO NOTHING`;

/** Deletes each record's conflict versions but the latest `keep`, for many records at once. */
const TRIM_CONFLICTS = `
  DELETE FROM revisions USING unnest($1::text[], $2::int[]) AS t(record_id, keep)
  WHERE revisions.record_id = t.record_id AND revisions.kind = 'conflict'
    AND revisions.rev NOT IN (
      SELECT rev FROM revisions AS c WHERE c.record_id = t.record_id AND c.kind = 'conflict'
      ORDER BY rev DESC LIMIT t.keep)`;

/** The rows of a statement, prepared once per connection when it has a name. */
async function preparedRows<R extends pg.QueryResultRow>(
  db: pg.PoolClient,
  query: { name?: string; text: string; values?: unknown[] },
): Promise<R[]> {
  const result = await db.query<R>(query);
  return result.rows;
}

/** The first row of a statement, prepared once per connection when it has a name. */
async function prepared<R extends pg.QueryResultRow>(
  db: pg.PoolClient,
  query: { name?: string; text: string; values?: unknown[] },
): Promise<R | undefined> {
  const result = await db.query<R>(query);
  return result.rows[0];
}

export function postgresSync(pool: pg.Pool, now: () => Date, schemaKey: number): SyncMethods {
  /** The methods of one push transaction on its connection, and the flush of its writes. */
  function transaction(db: pg.PoolClient): { tx: SyncTransaction; flush: () => Promise<void> } {
    /**
     * The rev each record had when this transaction read it (0: no record), so that
     * putRecord can tell when another transaction wrote the record in between.
     */
    const seen = new Map<string, number>();
    let holdsRevisionLock = false;
    /** The last revision number handed out (under the lock), and the last one flushed. */
    let lastRev = 0;
    let flushedRev = 0;
    const revisions: RevisionInput[] = [];
    const revs: number[] = [];
    const mutations: MutationRecord[] = [];
    /** The latest put per record: a later put of the same record in the batch replaces it. */
    const puts = new Map<string, PendingPut>();
    const trims = new Map<string, number>();
    /** What prefetch read: push results and records (undefined: none), until written here. */
    const knownMutations = new Map<string, StoredMutation | undefined>();
    const knownRecords = new Map<string, StoredRecord | undefined>();

    async function flush(): Promise<void> {
      if (revisions.length + mutations.length + puts.size > 0) {
        const put = [...puts.values()];
        // The revisions the records are written at: their bodies go with the records.
        const current = new Map(put.map((p) => [p.record.rev, p.record.bodyJson]));
        const result = await prepared<{ mutations: number; records: number }>(db, {
          name: 'sedp-push-flush',
          text: FLUSH,
          values: [
            revs,
            revisions.map((r) => r.recordId),
            revisions.map((r) => r.type),
            revisions.map((r, i) => {
              const recordBody = current.get(revs[i] as number);
              if (recordBody === undefined) return r.bodyJson;
              // A record is only ever written at a revision of the same version.
              if (recordBody !== r.bodyJson) throw new Error('A record differs from its revision');
              return null;
            }),
            revisions.map((r) => r.deleted),
            revisions.map((r) => r.updatedAt),
            revisions.map((r) => r.updatedBy),
            revisions.map((r) => r.schemaVersion),
            revisions.map((r) => r.mutationId),
            revisions.map((r) => r.kind),
            revisions.map((r) => r.userId),
            revisions.map((r) => r.deviceId),
            mutations.map((m) => m.mutationId),
            mutations.map((m) => m.hash),
            mutations.map((m) => m.resultJson),
            mutations.map((m) => m.userId),
            mutations.map((m) => m.deviceId),
            mutations.map((m) => m.createdAt),
            put.map((p) => p.record.id),
            put.map((p) => p.record.type),
            put.map((p) => p.record.rev),
            lastRev > flushedRev ? lastRev : null,
            put.map((p) => p.record.districtId),
            put.map((p) => p.record.deleted),
            put.map((p) => p.record.updatedAt),
            put.map((p) => p.record.updatedBy),
            put.map((p) => p.record.schemaVersion),
            put.map((p) => p.record.bodyJson),
            put.map((p) => p.expected ?? -1),
          ],
        });
        // A retry of the same change racing its original: both found no stored result. The
        // later one runs again and then answers `duplicate` from the stored one.
        if ((result?.mutations ?? 0) < mutations.length) {
          throw new WriteRaceError('A mutation of this batch was stored by another push');
        }
        // A record found missing had no row to lock: if another transaction has created it
        // since, DO NOTHING leaves its version alone and this whole transaction runs again.
        if ((result?.records ?? 0) < put.length) {
          throw new WriteRaceError('A record of this batch was written by another transaction');
        }
        // Blob links change only where a record names blobs or had a row before (it may
        // have named some); a batch of new records without photos skips the round trip.
        if (put.some((p) => p.blobs.length > 0 || p.expected !== 0)) {
          await db.query({
            name: 'sedp-push-flush-blobs',
            text: FLUSH_BLOBS,
            values: [
              put.map((p) => p.record.id),
              put.flatMap((p) => p.blobs),
              put.flatMap((p) => p.blobs.map(() => p.record.id)),
            ],
          });
        }
        // Written now: a later put of the same record replaces this version.
        for (const p of put) seen.set(p.record.id, p.record.rev);
        flushedRev = lastRev;
        revisions.length = 0;
        revs.length = 0;
        mutations.length = 0;
        puts.clear();
      }
      if (trims.size > 0) {
        await db.query({
          name: 'sedp-push-trim-conflicts',
          text: TRIM_CONFLICTS,
          values: [[...trims.keys()], [...trims.values()]],
        });
        trims.clear();
      }
    }
    const dirty = () => revisions.length + mutations.length + puts.size + trims.size > 0;
    /** A read of what is not held here sees the writes made so far: they are written first. */
    const flushed = async () => {
      if (dirty()) await flush();
    };

    /**
     * The reads of `record` asked for in one turn of the event loop (the territories a
     * batch names, looked up side by side) share one round trip.
     */
    let reading: { ids: Set<string>; rows: Promise<Map<string, StoredRecord>> } | undefined;
    function readRecord(id: string): Promise<StoredRecord | undefined> {
      if (!reading) {
        const ids = new Set<string>();
        const rows = (async () => {
          // One microtask: the reads asked for in the same turn join `ids` first.
          await Promise.resolve();
          reading = undefined;
          await flushed();
          const found =
            ids.size === 1
              ? await preparedRows<RecordRow>(db, {
                  name: 'sedp-record',
                  text: `SELECT ${RECORD_COLUMNS} FROM records WHERE id = $1`,
                  values: [...ids],
                })
              : await preparedRows<RecordRow>(db, {
                  text: `SELECT ${RECORD_COLUMNS} FROM records WHERE id = ANY($1::text[])`,
                  values: [[...ids]],
                });
          return new Map(found.map((row) => [row.id, toRecord(row)]));
        })();
        reading = { ids, rows };
      }
      reading.ids.add(id);
      return reading.rows.then((found) => found.get(id));
    }

    const tx: SyncTransaction = {
      async prefetch(mutationIds, recordIds) {
        await flushed();
        // Push results and records in one round trip: a row per stored result (`mutation`
        // true: its user in `type`, its result in `body`) and per record. Not prepared: a
        // cached generic plan for `= ANY($1)` chosen while a table was small kept scanning it
        // as it grew (6 ms a batch, measured); planned each time it uses the primary keys.
        // The records FOR UPDATE, as recordHead, in id order so that two batches lock their
        // common records in the same order.
        const found = await preparedRows<RecordRow & { mutation: boolean; hash: string | null }>(
          db,
          {
            text: `WITH found AS (
                     SELECT ${RECORD_COLUMNS} FROM records WHERE id = ANY($2::text[])
                     ORDER BY id FOR UPDATE
                   )
                   SELECT true AS mutation, mutation_id AS id, hash, user_id AS type,
                     NULL::bigint AS rev, NULL::text AS district_id, NULL::boolean AS deleted,
                     NULL::text AS updated_at, NULL::text AS updated_by,
                     NULL::int AS schema_version, result AS body
                   FROM mutations WHERE mutation_id = ANY($1::text[])
                   UNION ALL
                   SELECT false, id, NULL, ${RECORD_COLUMNS.replace('id, ', '')} FROM found`,
            values: [[...new Set(mutationIds)], [...new Set(recordIds)]],
          },
        );
        for (const id of mutationIds) knownMutations.set(id, undefined);
        for (const { mutation, id, hash, type, body } of found) {
          if (mutation)
            knownMutations.set(id, { hash: hash ?? '', userId: type, resultJson: body });
        }
        const records = found.filter((row) => !row.mutation);
        for (const id of recordIds) knownRecords.set(id, undefined);
        for (const row of records) knownRecords.set(row.id, toRecord(row));
        for (const id of recordIds) seen.set(id, knownRecords.get(id)?.rev ?? 0);
      },
      async findMutation(mutationId) {
        if (knownMutations.has(mutationId)) return knownMutations.get(mutationId);
        await flushed();
        return prepared<{ hash: string; userId: string; resultJson: string }>(db, {
          name: 'sedp-find-mutation',
          text: `SELECT hash, user_id AS "userId", result AS "resultJson"
                 FROM mutations WHERE mutation_id = $1`,
          values: [mutationId],
        });
      },
      async recordHead(id) {
        const put = puts.get(id);
        // Written by this transaction, so already its own (locked, or created by it).
        if (put)
          return { type: put.record.type, rev: put.record.rev, districtId: put.record.districtId };
        if (knownRecords.has(id)) {
          const known = knownRecords.get(id);
          return known && { type: known.type, rev: known.rev, districtId: known.districtId };
        }
        await flushed();
        // FOR UPDATE: a push decides on this head (its base rev check), so a second push of
        // the same record waits here until this one commits, then reads the new head and
        // reports a conflict instead of overwriting it.
        const row = await prepared<{ type: string; rev: string; districtId: string | null }>(db, {
          name: 'sedp-record-head',
          text: `SELECT type, rev, district_id AS "districtId" FROM records WHERE id = $1 FOR UPDATE`,
          values: [id],
        });
        seen.set(id, row ? Number(row.rev) : 0);
        return row && { type: row.type, rev: Number(row.rev), districtId: row.districtId };
      },
      async existingIds(ids) {
        await flushed();
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
        const put = puts.get(id);
        if (put) return { ...put.record };
        if (knownRecords.has(id)) {
          const known = knownRecords.get(id);
          return known && { ...known };
        }
        const found = await readRecord(id);
        return found && { ...found };
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
          // The lock and the first number in one round trip: the MATERIALIZED CTE is
          // scanned first, so nextval runs once the lock is held (a sequence is outside
          // snapshots, so it sees the setval of the transaction that held the lock before;
          // the flush, a later statement, reads with a snapshot taken after the lock). The batch's next numbers
          // follow it here, and the flush moves the sequence past the last one used
          // (setval). Nobody else takes a number in between: every numbering happens under
          // this lock, held to COMMIT. Should the transaction roll back before its flush,
          // the numbers are taken again by the next one (no row has them); after it, they
          // are a gap, which is harmless: pulls and cursors need revs in commit order, not
          // without holes.
          const row = await prepared<{ rev: string }>(db, {
            name: 'sedp-revision-lock-next',
            text: `WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock($1, $2))
                   SELECT nextval(pg_get_serial_sequence('revisions', 'rev')) AS rev FROM locked`,
            values: [LOCK.revisions, schemaKey],
          });
          holdsRevisionLock = true;
          if (!row) throw new Error('nextval gave no revision');
          lastRev = Number(row.rev);
          flushedRev = lastRev - 1;
        } else {
          lastRev += 1;
        }
        revisions.push(input);
        revs.push(lastRev);
        return lastRev;
      },
      async putRecord(input) {
        knownRecords.delete(input.recordId);
        const pending = puts.get(input.recordId);
        // Replaces the version this transaction read, and only that one (see FLUSH); a put
        // after a put of the same record keeps the check of the first.
        const expected = pending ? pending.expected : seen.get(input.recordId);
        puts.set(input.recordId, {
          record: {
            id: input.recordId,
            type: input.type,
            rev: input.rev,
            districtId: input.districtId,
            deleted: input.deleted,
            updatedAt: input.updatedAt,
            updatedBy: input.updatedBy,
            schemaVersion: input.schemaVersion,
            bodyJson: input.bodyJson,
          },
          expected,
          blobs: [...new Set(input.blobs ?? [])],
        });
      },
      async saveMutation(input) {
        mutations.push({ ...input });
        knownMutations.delete(input.mutationId);
      },
      async trimConflicts(recordId, keep) {
        // Trimming to the same count after more conflict versions keeps the same latest
        // ones as trimming each time; a different count is trimmed in order.
        const held = trims.get(recordId);
        if (held !== undefined && held !== keep) await flush();
        trims.set(recordId, keep);
      },
      async takeAllowance(userId, checks) {
        await flushed();
        return takeAllowanceIn(db, now, userId, checks, { durable: true });
      },
    };
    return { tx, flush };
  }

  const scopeArrays = (scope: PullScope & { all: false }) => [
    [...scope.referenceTypes],
    [...scope.districtIds],
  ];

  return {
    syncTransaction: (fn) =>
      inTransaction(pool, async (db) => {
        const { tx, flush } = transaction(db);
        const result = await fn(tx);
        // Before COMMIT, and with the revision lock still held.
        await flush();
        return result;
      }),
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
    async countPull(since, scope) {
      if (scope.all) {
        const [row] = await rows<{ n: string }>(
          pool,
          'SELECT count(*) AS n FROM records WHERE rev > $1',
          [since],
        );
        return Number(row?.n ?? 0);
      }
      // Each part an index-only range of records_type or records_district; a record found
      // both by its type and its district comes once.
      const [row] = await rows<{ n: string }>(
        pool,
        `SELECT (SELECT count(*) FROM records WHERE type = ANY($2) AND rev > $1)
              + (SELECT count(*) FROM records WHERE district_id = ANY($3) AND rev > $1)
              - (SELECT count(*) FROM (SELECT district_id FROM records
                                       WHERE type = ANY($2) AND rev > $1 OFFSET 0) AS reference
                 WHERE district_id = ANY($3)) AS n`,
        [since, ...scopeArrays(scope)],
      );
      return Number(row?.n ?? 0);
    },
    async history(recordId) {
      // The revision a record is at keeps its body in the record's row (FLUSH).
      const found = await rows<RevisionRow>(
        pool,
        `SELECT v.rev, v.record_id, v.type, coalesce(v.body, r.body) AS body, v.deleted,
           v.updated_at, v.updated_by, v.schema_version, v.mutation_id, v.kind, v.user_id,
           v.device_id
         FROM revisions AS v LEFT JOIN records AS r ON r.id = v.record_id AND r.rev = v.rev
         WHERE v.record_id = $1 ORDER BY v.rev`,
        [recordId],
      );
      return found.map(toRevision);
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
