/** Embedded SQLite store (node:sqlite, WAL). Opens or creates the database file and migrates it. */
import { mkdirSync, statfsSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations.ts';
import { sqliteAllowance, sqliteFairUse } from './sqlite-fair-use.ts';
import { sqliteLoginAttempts } from './sqlite-login-attempts.ts';
import { sqliteSync } from './sqlite-sync.ts';
import { connectionQueue } from './sqlite-transaction.ts';
import { sqliteUsers } from './sqlite-users.ts';
import type { Store } from './store.ts';

export const DATABASE_FILE = 'sedp.sqlite';

/** Below this much free space on the data directory's disk the database counts as full. */
const MIN_FREE_BYTES = 1024 * 1024;
/** How much the database must be able to grow to count as writable: a large push batch. */
const WRITE_HEADROOM_BYTES = 256 * 1024;

export interface SqliteStoreOptions {
  /** The clock for updatedAt, token and account times; tests inject their own. */
  now?: () => Date;
}

export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Store {
  return sqliteStore(openSqliteDatabase(dataDir), dataDir, options);
}

/** Opens (or creates) the database file in `dataDir` with the server's settings, migrated. */
export function openSqliteDatabase(dataDir: string): DatabaseSync {
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE));
  // First of all: another process (the users CLI, or a sibling worker with SEDP_WORKERS)
  // may hold the write lock, even while this one switches a new file to WAL below. Every
  // write here begins with BEGIN IMMEDIATE, so it waits for that lock up to this long
  // instead of failing with SQLITE_BUSY; writes of several processes are serialised, reads
  // go on in parallel from WAL snapshots.
  db.exec('PRAGMA busy_timeout = 5000');
  switchToWal(db);
  // FULL: a reply the device takes as "stored" survives a power cut, not just a crash.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db);
  return db;
}

/**
 * Switching a new file to WAL needs it alone for a moment, and SQLite does not always call
 * the busy handler for that (several processes opening one new data directory at once):
 * retry SQLITE_BUSY here for up to the same 5 s. A file already in WAL returns at once.
 */
function switchToWal(db: DatabaseSync): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; ; waited += 25) {
    try {
      db.exec('PRAGMA journal_mode = WAL');
      return;
    } catch (error) {
      const busy = (error as { errcode?: number }).errcode === 5;
      if (!busy || waited >= 5_000) throw error;
      Atomics.wait(pause, 0, 0, 25); // start-up only: blocking this process's thread is fine
    }
  }
}

/** The store over an open database whose file lies in `dataDir`. */
export function sqliteStore(
  db: DatabaseSync,
  dataDir: string,
  options: SqliteStoreOptions = {},
): Store {
  const now = options.now ?? (() => new Date());
  // Every method, read or write, runs through this one queue: see connectionQueue.
  const exclusive = connectionQueue();
  const takeAllowanceNow = sqliteAllowance(db, now);
  return {
    engine: 'sqlite',
    now,
    ping: () =>
      exclusive(() => {
        db.prepare('SELECT 1').get();
      }),
    checkWritable: () =>
      exclusive(() => {
        const disk = statfsSync(dataDir);
        if (disk.bavail * disk.bsize < MIN_FREE_BYTES) {
          throw Object.assign(new Error(`No space left on device: ${dataDir}`), {
            code: 'ENOSPC',
          });
        }
        db.exec('BEGIN IMMEDIATE');
        try {
          // A new table and a row as big as a large push batch, in fresh pages: a file that
          // cannot grow that far (SQLITE_FULL) says so here. Rolled back, nothing is kept.
          db.exec('CREATE TABLE write_check (x BLOB)');
          db.exec(`INSERT INTO write_check VALUES (zeroblob(${WRITE_HEADROOM_BYTES}))`);
        } finally {
          if (db.isTransaction) db.exec('ROLLBACK');
        }
      }),
    schemaVersion: () => exclusive(() => userVersion(db)),
    // Queued too, so an open push transaction finishes (or rolls back) before the close.
    close: () =>
      exclusive(() => {
        if (db.isOpen) db.close();
      }),
    ...sqliteUsers(db, now, exclusive),
    ...sqliteSync(db, now, exclusive, takeAllowanceNow),
    ...sqliteLoginAttempts(db, now, exclusive),
    ...sqliteFairUse(db, exclusive, takeAllowanceNow),
  };
}

function userVersion(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  return row.user_version;
}

/** Applies, in order and each in its own transaction, the migrations the file has not seen. */
export function migrate(db: DatabaseSync): void {
  const current = userVersion(db);
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database is at schema version ${current}, newer than this server knows (${MIGRATIONS.length}). Upgrade the server.`,
    );
  }
  for (let version = current + 1; version <= MIGRATIONS.length; version += 1) {
    db.exec('BEGIN IMMEDIATE');
    try {
      // Read again under the write lock: several processes starting on one new file each
      // saw the old version above, and the first to get the lock has applied this step.
      if (userVersion(db) >= version) {
        db.exec('COMMIT');
        continue;
      }
      db.exec(MIGRATIONS[version - 1] as string);
      db.exec(`PRAGMA user_version = ${version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
