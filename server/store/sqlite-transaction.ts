import { AsyncLocalStorage } from 'node:async_hooks';
import type { DatabaseSync } from 'node:sqlite';

/**
 * Runs `fn` between BEGIN IMMEDIATE and COMMIT. IMMEDIATE takes the write lock up front, so
 * another process (the users CLI) waits on busy_timeout instead of failing mid-transaction.
 * `fn` must be synchronous; call it only inside the connection's `exclusive` (below).
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

/** Like `inTransaction`, for an asynchronous `fn` (a push batch); same `exclusive` rule. */
export async function inAsyncTransaction<T>(db: DatabaseSync, fn: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await fn();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/** Runs `fn` alone on the connection: after everything asked for earlier has finished. */
export type Exclusive = <T>(fn: () => T | Promise<T>) => Promise<T>;

/**
 * One FIFO queue for everything the store does on its single connection: reads, writes
 * and push transactions alike.
 *
 * node:sqlite is synchronous, so a synchronous `fn` can never be interleaved; the danger is
 * a push transaction, whose `fn` awaits between statements. While it is open, anything
 * else run on the connection would land inside it: a second BEGIN fails ("cannot start a
 * transaction within a transaction"), a stray write (a token, a login counter) would commit
 * or roll back with the push, and, just as bad, a read would SEE the push's uncommitted
 * rows: a pull could hand out a revision that is then rolled back, and since rowids of a
 * rolled-back insert are used again, a device's cursor would pass over the record that
 * later takes that number. So reads queue too. They lose nothing by it: with one JS thread
 * and a synchronous driver there is no parallelism to gain from a second connection, and
 * an SQLite push only yields to other work between its own statements, briefly. When the
 * queue is empty (nearly always) a synchronous `fn` runs at once, with no added promise
 * hop; it is queued only behind an open transaction or others already waiting.
 *
 * Not re-entrant: a store method called from inside a push's `fn` (rather than through its
 * `SyncTransaction`) would wait for the transaction that waits for it. That is refused with
 * an error instead of hanging the server.
 */
export function connectionQueue(): Exclusive {
  let tail: Promise<void> = Promise.resolve();
  /** Tasks running or waiting; 0 means the connection is free right now. */
  let held = 0;
  const release = () => {
    held -= 1;
  };
  const insideTransaction = new AsyncLocalStorage<true>();

  const hold = <T>(task: Promise<T>): Promise<T> => {
    held += 1;
    tail = task.then(release, release);
    return task;
  };

  return <T>(fn: () => T | Promise<T>): Promise<T> => {
    if (insideTransaction.getStore()) {
      return Promise.reject(
        new Error('A store method was called inside syncTransaction: use its SyncTransaction'),
      );
    }
    const marked = () => insideTransaction.run(true, fn);
    if (held > 0) return hold(tail.then(marked));
    let value: T | Promise<T>;
    try {
      value = marked();
    } catch (error) {
      return Promise.reject(error);
    }
    // An asynchronous fn (a transaction) holds the queue until it settles.
    return value instanceof Promise ? hold(value) : Promise.resolve(value);
  };
}
