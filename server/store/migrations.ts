/**
 * Schema migrations, applied in order at start. Append only: never edit one that has
 * shipped, since databases in the field are already past it.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (
     key TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) STRICT;
   INSERT INTO meta (key, value) VALUES ('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));`,

  // 2: accounts, tokens, synced records with their append-only history, push results, blobs.
  `CREATE TABLE users (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL COLLATE NOCASE UNIQUE,
     display_name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator', 'consultant')),
     password_hash TEXT NOT NULL,
     disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE user_districts (
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     district_id TEXT NOT NULL,
     PRIMARY KEY (user_id, district_id)
   ) STRICT, WITHOUT ROWID;
   CREATE TABLE tokens (
     token_hash TEXT PRIMARY KEY,
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     last_used_at TEXT,
     revoked_at TEXT
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX tokens_user ON tokens (user_id);
   CREATE TABLE records (
     id TEXT PRIMARY KEY,
     type TEXT NOT NULL,
     rev INTEGER NOT NULL,
     district_id TEXT,
     deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL,
     schema_version INTEGER NOT NULL,
     body TEXT NOT NULL
   ) STRICT;
   CREATE UNIQUE INDEX records_rev ON records (rev);
   CREATE INDEX records_district ON records (district_id);
   CREATE TABLE revisions (
     rev INTEGER PRIMARY KEY AUTOINCREMENT,
     record_id TEXT NOT NULL,
     type TEXT NOT NULL,
     body TEXT NOT NULL,
     deleted INTEGER NOT NULL CHECK (deleted IN (0, 1)),
     updated_at TEXT NOT NULL,
     updated_by TEXT NOT NULL,
     schema_version INTEGER NOT NULL,
     mutation_id TEXT,
     kind TEXT NOT NULL CHECK (kind IN ('applied', 'conflict')),
     user_id TEXT,
     device_id TEXT
   ) STRICT;
   CREATE INDEX revisions_record ON revisions (record_id, rev);
   CREATE TABLE mutations (
     mutation_id TEXT PRIMARY KEY,
     hash TEXT NOT NULL,
     result TEXT NOT NULL,
     user_id TEXT NOT NULL,
     device_id TEXT NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE TABLE blobs (
     sha256 TEXT PRIMARY KEY,
     size INTEGER NOT NULL,
     mime TEXT NOT NULL,
     created_at TEXT NOT NULL,
     created_by TEXT NOT NULL
   ) STRICT, WITHOUT ROWID;`,

  // 3: reference data is read by type (district codes for the users CLI and admin API).
  `CREATE INDEX records_type ON records (type, rev);`,

  // 4: failed sign-ins (one row per counted attempt, epoch ms) and the devices each account
  // has signed in on (SHA-256 of the device id), for sign-in limits that hold across processes.
  `CREATE TABLE login_failures (
     id INTEGER PRIMARY KEY,
     key TEXT NOT NULL,
     at INTEGER NOT NULL
   ) STRICT;
   CREATE INDEX login_failures_key ON login_failures (key, at);
   CREATE INDEX login_failures_at ON login_failures (at);
   CREATE TABLE known_devices (
     user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
     device_hash TEXT NOT NULL,
     first_seen_at TEXT NOT NULL,
     last_seen_at TEXT NOT NULL,
     PRIMARY KEY (user_id, device_hash)
   ) STRICT, WITHOUT ROWID;`,
  // 5: fair-use counters (one fixed window per account and kind); blobs by uploader and age.
  `CREATE TABLE usage_counters (
     user_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     window_start INTEGER NOT NULL,
     amount INTEGER NOT NULL,
     PRIMARY KEY (user_id, kind)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX blobs_created_by ON blobs (created_by, created_at);
   CREATE INDEX blobs_created_at ON blobs (created_at);`,
  // 6: which records name which blob (a blob is served to those who may read one of them),
  // and everyone who uploaded a blob's bytes (they may read it too). Filled for the records
  // and blobs already stored; keys as in src/domain/blob-references.ts.
  `CREATE TABLE record_blobs (
     sha256 TEXT NOT NULL,
     record_id TEXT NOT NULL,
     PRIMARY KEY (sha256, record_id)
   ) STRICT, WITHOUT ROWID;
   CREATE INDEX record_blobs_record ON record_blobs (record_id);
   CREATE TABLE blob_uploaders (
     sha256 TEXT NOT NULL,
     user_id TEXT NOT NULL,
     PRIMARY KEY (sha256, user_id)
   ) STRICT, WITHOUT ROWID;
   INSERT OR IGNORE INTO record_blobs (sha256, record_id)
     SELECT node.value, records.id FROM records, json_tree(records.body) AS node
     WHERE node.type = 'text' AND node.key IN ('sha256', 'photo', 'attachment')
       AND length(node.value) = 64 AND node.value NOT GLOB '*[^0-9a-f]*';
   INSERT OR IGNORE INTO blob_uploaders (sha256, user_id) SELECT sha256, created_by FROM blobs;`,

  // 7: nothing here. PostgreSQL's step 7 keeps attachment bytes in the database; with
  // SQLite they stay files under the data directory (server/blobs/file-blob-bytes.ts).
  `SELECT 1;`,

  // 8: a consultant's pull reads its district in revision order: (district_id, rev) lets a
  // page start at the cursor instead of reading and sorting the whole district (130 ms
  // for a page deep in a 230,000-record database before). PostgreSQL has had it from step 2.
  `DROP INDEX records_district;
   CREATE INDEX records_district ON records (district_id, rev);`,

  // 9: nothing here. PostgreSQL's step 9 lets a record's current revision leave its body
  // to the record's row; SQLite keeps every body in both (one file, no WAL to ship).
  `SELECT 1;`,
];
