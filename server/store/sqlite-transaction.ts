import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `fn` between BEGIN IMMEDIATE and COMMIT. IMMEDIATE takes the write lock up front, so
 * another process (the users CLI) waits on busy_timeout instead of failing mid-transaction.
 * `fn` must be synchronous: node:sqlite is, and nothing else may interleave.
 */
export function inTransaction<T>(db: DatabaseSync, fn: () => T): T {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
