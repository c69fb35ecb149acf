/** Embedded SQLite store (node:sqlite, WAL). Opens or creates the database file and migrates it. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations.ts';
import { sqliteSync } from './sqlite-sync.ts';
import { sqliteUsers } from './sqlite-users.ts';
import type { Store } from './store.ts';

export const DATABASE_FILE = 'sedp.sqlite';

export interface SqliteStoreOptions {
  /** The clock for updatedAt, token and account times; tests inject their own. */
  now?: () => Date;
}

export function openSqliteStore(dataDir: string, options: SqliteStoreOptions = {}): Store {
  const now = options.now ?? (() => new Date());
  mkdirSync(dataDir, { recursive: true });
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE));
  db.exec('PRAGMA journal_mode = WAL');
  // FULL: a reply the device takes as "stored" survives a power cut, not just a crash.
  db.exec('PRAGMA synchronous = FULL');
  db.exec('PRAGMA foreign_keys = ON');
  // The users CLI may write while the server runs: wait for its lock rather than fail.
  db.exec('PRAGMA busy_timeout = 5000');
  migrate(db);

  return {
    now,
    ping() {
      db.prepare('SELECT 1').get();
    },
    schemaVersion() {
      return userVersion(db);
    },
    close() {
      if (db.isOpen) db.close();
    },
    ...sqliteUsers(db, now),
    ...sqliteSync(db, now),
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
      db.exec(MIGRATIONS[version - 1] as string);
      db.exec(`PRAGMA user_version = ${version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
