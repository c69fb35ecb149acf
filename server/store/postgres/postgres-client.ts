/** The pool, queries, transactions and advisory-lock keys the PostgreSQL store shares. */
import pg from 'pg';

/** A pool or one checked-out connection: both take queries. */
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * First keys of the two-key advisory locks (`pg_advisory_xact_lock(int4, int4)`); the second
 * key is a hash (of the schema, of a login key, of a user id). Advisory lock keys are
 * database-wide, so they start with "SEDP" in ASCII to keep clear of other applications.
 */
export const LOCK = {
  migrations: 0x53454401,
  revisions: 0x53454402,
  login: 0x53454403,
  allowance: 0x53454404,
} as const;

export async function rows<R extends pg.QueryResultRow>(
  db: Queryable,
  text: string,
  values: readonly unknown[] = [],
): Promise<R[]> {
  const result = await db.query<R>(text, [...values]);
  return result.rows;
}

export async function first<R extends pg.QueryResultRow>(
  db: Queryable,
  text: string,
  values: readonly unknown[] = [],
): Promise<R | undefined> {
  const [row] = await rows<R>(db, text, values);
  return row;
}

/** How many rows a write changed. */
export async function changed(
  db: Queryable,
  text: string,
  values: readonly unknown[] = [],
): Promise<number> {
  const result = await db.query(text, [...values]);
  return result.rowCount ?? 0;
}

/**
 * A write that met another transaction's write to the same row (two pushes creating one
 * record at once): the whole transaction is run again, and then sees that write.
 */
export class WriteRaceError extends Error {
  override name = 'WriteRaceError';
}

/** SQLSTATEs after which PostgreSQL itself advises running the transaction again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;

const sqlState = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

const isRetryable = (error: unknown) =>
  error instanceof WriteRaceError || RETRYABLE.has(sqlState(error) ?? '');

export const isUniqueViolation = (error: unknown, constraint?: string): boolean =>
  sqlState(error) === '23505' &&
  (constraint === undefined ||
    (error instanceof Error && 'constraint' in error && error.constraint === constraint));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` on one connection between BEGIN and COMMIT, at READ COMMITTED (PostgreSQL's
 * default): the invariants that need more are held with explicit locks where they live (a
 * record's row, an advisory lock per login key, per account, and for revision order), which
 * costs far fewer retries than SERIALIZABLE would on batches of 100 changes. A deadlock, a
 * serialization failure or a WriteRaceError rolls back and runs `fn` again from the start,
 * so `fn` must do nothing outside the transaction that cannot be done twice.
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection itself is gone: the pool must not hand it out again.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
    } finally {
      client.release(broken);
    }
    // Jittered, so two transactions that deadlocked do not meet again at once.
    await sleep(Math.random() * 10 * attempt);
  }
}

export interface PoolOptions {
  /** Connections this process keeps at most. */
  poolSize?: number;
  /** The schema every table lives in (search_path); by default the URL's or `public`. */
  schema?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Ten connections by default: the revision lock lets one push at a time write revisions,
 * so more connections add no ingest, while several server processes times the pool must
 * stay well under the server's max_connections (100 by default).
 */
export const DEFAULT_POOL_SIZE = 10;

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  const settings = [
    // A process that stalls inside a transaction must not hold the revision lock (and so
    // every push) for long: the server ends such a session and its locks after a minute.
    '-c idle_in_transaction_session_timeout=60000',
  ];
  if (options.schema !== undefined) {
    if (!SCHEMA_NAME.test(options.schema)) {
      throw new Error(`Not a plain schema name: ${options.schema}`);
    }
    // Set at connection start-up, so every pooled connection has it before its first query.
    settings.push(`-c search_path=${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    options: settings.join(' '),
    application_name: 'sedp-field',
  });
  // An idle connection that breaks (the database restarted) is dropped by the pool and the
  // next query opens a fresh one; without a listener the error would end the process.
  pool.on('error', (error) => {
    console.error(`PostgreSQL connection lost: ${error.message}`);
  });
  return pool;
}
