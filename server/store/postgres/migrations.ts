/**
 * The PostgreSQL schema, step for step the same as SQLite's (server/store/migrations.ts):
 * step N here is step N there, so `schemaVersion()` means the same on both engines. Append
 * only, like SQLite's list; a step added there gets its counterpart here in the same change.
 *
 * Text that is compared or ordered (ids, ISO-8601 UTC times, keys) is `COLLATE "C"`: bytes,
 * as SQLite's BINARY compares them, whatever the database's locale, and cheaper to index.
 * Times stay ISO text written by the server's (injectable) clock, so both engines return
 * the very strings they were given. Record bodies stay text: they are canonical JSON whose
 * bytes devices hash, which jsonb would not keep.
 */
import type pg from 'pg';
import { LOCK } from './postgres-client.ts';

export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (
     key TEXT COLLATE "C" PRIMARY KEY,
     value TEXT NOT NULL
   );
   INSERT INTO meta (key, value)
     VALUES ('created_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));`,

  // 2: accounts, tokens, synced records with their append-only history, push results, blobs.
  `CREATE TABLE users (
     id TEXT COLLATE "C" PRIMARY KEY,
     username TEXT NOT NULL,
     display_name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'consultant')),
     password_hash TEXT NOT NULL,
     disabled BOOLEAN NOT NULL DEFAULT false,
     created_at TEXT COLLATE "C" NOT NULL
   );
   -- Usernames are unique ignoring case (SQLite: COLLATE NOCASE UNIQUE); lookups go by
   -- lower(username) and so use this index.
   CREATE UNIQUE INDEX users_username ON users (lower(username));
   CREATE TABLE user_districts (
     user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     district_id TEXT COLLATE "C" NOT NULL,
     PRIMARY KEY (user_id, district_id)
   );
   CREATE TABLE tokens (
     token_hash TEXT COLLATE "C" PRIMARY KEY,
     user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at TEXT COLLATE "C" NOT NULL,
     last_used_at TEXT COLLATE "C",
     revoked_at TEXT COLLATE "C"
   );
   CREATE INDEX tokens_user ON tokens (user_id);
   CREATE TABLE records (
     id TEXT COLLATE "C" PRIMARY KEY,
     type TEXT COLLATE "C" NOT NULL,
     rev BIGINT NOT NULL,
     district_id TEXT COLLATE "C",
     deleted BOOLEAN NOT NULL DEFAULT false,
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL,
     schema_version INTEGER NOT NULL,
     body TEXT NOT NULL
   );
   -- Pull pages: rev > cursor in rev order, for everything (records_rev) or per district
   -- (records_district, one ordered range per district read up to the page size, however
   -- deep the cursor is).
   CREATE UNIQUE INDEX records_rev ON records (rev);
   CREATE INDEX records_district ON records (district_id, rev);
   -- CACHE 1 (the default, spelt out): a session must not hold a block of future values,
   -- or revisions would be numbered out of the order the revision lock commits them in.
   CREATE TABLE revisions (
     rev BIGINT GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
     record_id TEXT COLLATE "C" NOT NULL,
     type TEXT COLLATE "C" NOT NULL,
     body TEXT NOT NULL,
     deleted BOOLEAN NOT NULL,
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL,
     schema_version INTEGER NOT NULL,
     mutation_id TEXT COLLATE "C",
     kind TEXT NOT NULL CHECK (kind IN ('applied', 'conflict')),
     user_id TEXT COLLATE "C",
     device_id TEXT
   );
   CREATE INDEX revisions_record ON revisions (record_id, rev);
   CREATE TABLE mutations (
     mutation_id TEXT COLLATE "C" PRIMARY KEY,
     hash TEXT NOT NULL,
     result TEXT NOT NULL,
     user_id TEXT COLLATE "C" NOT NULL,
     device_id TEXT NOT NULL,
     created_at TEXT COLLATE "C" NOT NULL
   );
   CREATE TABLE blobs (
     sha256 TEXT COLLATE "C" PRIMARY KEY,
     size BIGINT NOT NULL,
     mime TEXT NOT NULL,
     created_at TEXT COLLATE "C" NOT NULL,
     created_by TEXT COLLATE "C" NOT NULL
   );`,

  // 3: reference data is read by type (district codes for the users CLI and admin API), and
  // pull pages of reference types are ordered ranges of this index.
  `CREATE INDEX records_type ON records (type, rev);`,

  // 4: failed sign-ins (one row per counted attempt, epoch ms) and the devices each account
  // has signed in on (SHA-256 of the device id), for sign-in limits that hold across processes.
  `CREATE TABLE login_failures (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     key TEXT COLLATE "C" NOT NULL,
     at BIGINT NOT NULL
   );
   CREATE INDEX login_failures_key ON login_failures (key, at);
   CREATE INDEX login_failures_at ON login_failures (at);
   CREATE TABLE known_devices (
     user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     device_hash TEXT COLLATE "C" NOT NULL,
     first_seen_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     PRIMARY KEY (user_id, device_hash)
   );`,

  // 5: fair-use counters (one fixed window per account and kind); blobs by uploader and age.
  `CREATE TABLE usage_counters (
     user_id TEXT COLLATE "C" NOT NULL,
     kind TEXT COLLATE "C" NOT NULL,
     window_start BIGINT NOT NULL,
     amount BIGINT NOT NULL,
     PRIMARY KEY (user_id, kind)
   );
   CREATE INDEX blobs_created_by ON blobs (created_by, created_at);
   CREATE INDEX blobs_created_at ON blobs (created_at);`,

  // 6: which records name which blob, and everyone who uploaded a blob's bytes; filled for
  // what is already stored (keys as in src/domain/blob-references.ts).
  `CREATE TABLE record_blobs (
     sha256 TEXT COLLATE "C" NOT NULL,
     record_id TEXT COLLATE "C" NOT NULL,
     PRIMARY KEY (sha256, record_id)
   );
   CREATE INDEX record_blobs_record ON record_blobs (record_id);
   CREATE TABLE blob_uploaders (
     sha256 TEXT COLLATE "C" NOT NULL,
     user_id TEXT COLLATE "C" NOT NULL,
     PRIMARY KEY (sha256, user_id)
   );
   INSERT INTO record_blobs (sha256, record_id)
     SELECT DISTINCT member ->> 'value', records.id
     FROM records,
       jsonb_path_query(records.body::jsonb, 'strict $.** ? (@.type() == "object").keyvalue()')
         AS member
     WHERE member ->> 'key' IN ('sha256', 'photo', 'attachment')
       AND jsonb_typeof(member -> 'value') = 'string'
       AND member ->> 'value' ~ '^[0-9a-f]{64}$'
   ON CONFLICT DO NOTHING;
   INSERT INTO blob_uploaders (sha256, user_id) SELECT sha256, created_by FROM blobs
   ON CONFLICT DO NOTHING;`,

  // 7: attachment bytes in the database, so every server process reaches every blob and
  // every unfinished upload (SQLite keeps them as files: no-op step 7 there). bytea rows of
  // at most 256 KB rather than large objects: pg_dump, logical and physical replication and
  // row-level privileges treat them like any other row, where large objects need lo_*
  // rights, their own dump handling and lo_unlink (or vacuumlo) against orphans; and small
  // rows let a reader stream a blob one row at a time without a cursor or a held
  // connection. STORAGE EXTERNAL: out of line but not compressed, since photos and PDFs are
  // compressed already and pglz would spend CPU on every write for nothing.
  // A blob's row is written in the same transaction as all its chunks, so a reader sees a
  // blob whole or not at all; unfinished uploads are one row per (blob, uploader), locked
  // FOR UPDATE while a chunk is checked and appended.
  `CREATE TABLE blob_contents (
     sha256 TEXT COLLATE "C" PRIMARY KEY,
     size BIGINT NOT NULL,
     chunks INTEGER NOT NULL
   );
   CREATE TABLE blob_chunks (
     sha256 TEXT COLLATE "C" NOT NULL REFERENCES blob_contents (sha256) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     bytes BYTEA NOT NULL,
     PRIMARY KEY (sha256, seq)
   );
   ALTER TABLE blob_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
   CREATE TABLE blob_partials (
     sha256 TEXT COLLATE "C" NOT NULL,
     uploader TEXT COLLATE "C" NOT NULL,
     size BIGINT NOT NULL,
     chunks INTEGER NOT NULL,
     updated_at TEXT COLLATE "C" NOT NULL,
     PRIMARY KEY (sha256, uploader)
   );
   CREATE INDEX blob_partials_uploader ON blob_partials (uploader, updated_at);
   CREATE INDEX blob_partials_updated ON blob_partials (updated_at);
   CREATE TABLE blob_partial_chunks (
     sha256 TEXT COLLATE "C" NOT NULL,
     uploader TEXT COLLATE "C" NOT NULL,
     seq INTEGER NOT NULL,
     bytes BYTEA NOT NULL,
     PRIMARY KEY (sha256, uploader, seq),
     FOREIGN KEY (sha256, uploader) REFERENCES blob_partials (sha256, uploader) ON DELETE CASCADE
   );
   ALTER TABLE blob_partial_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;`,

  // 8: nothing here: records_district is on (district_id, rev) since step 2; SQLite's
  // step 8 catches up, so both engines keep one version number.
  `SELECT 1;`,

  // 9: a body is stored once. The revision a record's row is at keeps no body of its own
  // (NULL): it is the row's, and it is copied into the revision when the record moves on
  // (postgres-sync.ts, FLUSH). A push of new records wrote every body twice, which was a
  // third of its WAL (about 130 of 370 KB for 100 notes) and of its insert work, all of
  // it under the revision lock. History reads coalesce(revision, record); rows stored
  // before keep their bodies.
  //
  // And fair-use counting as one function (postgres-fair-use.ts), so that a count of its
  // own is one statement, one round trip, instead of BEGIN, lock, count and COMMIT. It
  // takes the account's lock, then counts: a VOLATILE function reads each statement with
  // a new snapshot, so the counters it reads are those the lock's last holder committed.
  // `durable` false (a count of its own) lets the transaction answer before its WAL is
  // flushed. Returns the position (1-based) of the first check that would go over, or NULL
  // when all were counted.
  `ALTER TABLE revisions ALTER COLUMN body DROP NOT NULL;
   CREATE FUNCTION sedp_take_allowance(lock_key integer, account text, kinds text[],
       window_starts bigint[], maxes bigint[], amounts bigint[], durable boolean)
     RETURNS integer LANGUAGE plpgsql VOLATILE AS $fn$
   DECLARE
     refused integer;
   BEGIN
     IF NOT durable THEN
       PERFORM set_config('synchronous_commit', 'off', true);
     END IF;
     PERFORM pg_advisory_xact_lock(lock_key, hashtext(account));
     WITH checks AS (
       SELECT * FROM unnest(kinds, window_starts, maxes, amounts)
         WITH ORDINALITY AS c(kind, window_start, max, amount, position)
     ), used AS (
       SELECT checks.*, CASE WHEN counters.window_start = checks.window_start
         THEN counters.amount ELSE 0 END AS used
       FROM checks LEFT JOIN usage_counters AS counters
         ON counters.user_id = account AND counters.kind = checks.kind
     )
     SELECT position INTO refused FROM used WHERE used > 0 AND used + amount > max
     ORDER BY position LIMIT 1;
     IF refused IS NULL THEN
       INSERT INTO usage_counters (user_id, kind, window_start, amount)
       SELECT account, c.kind, c.window_start,
         c.amount + CASE WHEN counters.window_start = c.window_start
           THEN counters.amount ELSE 0 END
       FROM unnest(kinds, window_starts, amounts) AS c(kind, window_start, amount)
       LEFT JOIN usage_counters AS counters
         ON counters.user_id = account AND counters.kind = c.kind
       ON CONFLICT (user_id, kind) DO UPDATE SET
         window_start = excluded.window_start, amount = excluded.amount;
     END IF;
     RETURN refused;
   END
   $fn$;`,
];

/** Which steps have been applied; the version is the highest. */
const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

export async function postgresSchemaVersion(db: pg.Pool | pg.PoolClient): Promise<number> {
  const exists = await db.query<{ found: boolean }>(
    `SELECT to_regclass('schema_migrations') IS NOT NULL AS found`,
  );
  if (!exists.rows[0]?.found) return 0;
  const result = await db.query<{ version: number }>(
    'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
  );
  return result.rows[0]?.version ?? 0;
}

/**
 * Applies the steps the schema has not seen, each in its own transaction with its version
 * row. Under a session advisory lock (keyed by the schema): several server processes
 * starting together queue here, and each after the first finds nothing left to do. A
 * transaction-level lock would not do, since the steps commit one by one.
 */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    const schema = await client.query<{ name: string | null }>('SELECT current_schema() AS name');
    const name = schema.rows[0]?.name;
    if (!name) throw new Error('The schema named in search_path does not exist');
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [LOCK.migrations, name]);
    try {
      await client.query(VERSION_TABLE);
      const current = await postgresSchemaVersion(client);
      if (current > POSTGRES_MIGRATIONS.length) {
        throw new Error(
          `The database is at schema version ${current}, newer than this server knows (${POSTGRES_MIGRATIONS.length}). Upgrade the server.`,
        );
      }
      for (let version = current + 1; version <= POSTGRES_MIGRATIONS.length; version += 1) {
        await client.query('BEGIN');
        try {
          await client.query(POSTGRES_MIGRATIONS[version - 1] as string);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK.migrations, name]);
    }
  } catch (error) {
    // A connection in an unknown state (lock still held?) is closed rather than reused:
    // closing it ends the session and so releases the lock.
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(broken);
  }
}
