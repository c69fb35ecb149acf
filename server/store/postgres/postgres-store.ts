/**
 * The PostgreSQL store (DATABASE_URL=postgres://…), for several server processes on one
 * database. Opens a pool and migrates the schema before the store is handed out.
 */
import { postgresBlobBytes } from '../../blobs/postgres-blob-bytes.ts';
import type { Store } from '../store.ts';
import { migratePostgres, postgresSchemaVersion } from './migrations.ts';
import { createPool, first, inTransaction, type PoolOptions } from './postgres-client.ts';
import { postgresFairUse } from './postgres-fair-use.ts';
import { postgresLoginAttempts } from './postgres-login-attempts.ts';
import { postgresSync } from './postgres-sync.ts';
import { postgresUsers } from './postgres-users.ts';

export interface PostgresStoreOptions extends PoolOptions {
  /** The clock for updatedAt, token and account times; tests inject their own. */
  now?: () => Date;
}

/** How much the database must be able to take to count as writable: a large push batch. */
const WRITE_HEADROOM_BYTES = 256 * 1024;

export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const now = options.now ?? (() => new Date());
  const pool = createPool(url, options);
  try {
    await migratePostgres(pool);
    const key = await first<{ key: number }>(pool, 'SELECT hashtext(current_schema()) AS key');
    if (!key) throw new Error('No current schema');
    return {
      engine: 'postgres',
      countsPushesApart: true,
      now,
      async ping() {
        await pool.query('SELECT 1');
      },
      async checkWritable() {
        // Rolled back whatever happens (the error below), so nothing is kept. A table and
        // a row of incompressible bytes as big as a large push batch: a full disk fails the
        // file extension, a read-only server (standby, default_transaction_read_only)
        // refuses the CREATE.
        const done = new Error('write check done');
        try {
          await inTransaction(pool, async (db) => {
            await db.query('CREATE TABLE write_check (x bytea)');
            await db.query(
              `INSERT INTO write_check
               SELECT decode(string_agg(md5(i::text), ''), 'hex') FROM generate_series(1, $1) AS i`,
              [WRITE_HEADROOM_BYTES / 16],
            );
            throw done;
          });
        } catch (error) {
          if (error !== done) throw error;
        }
      },
      schemaVersion: () => postgresSchemaVersion(pool),
      async close() {
        if (!pool.ended) await pool.end();
      },
      // On this pool: several processes share the database, never a disk.
      blobBytes: postgresBlobBytes(pool, now),
      ...postgresUsers(pool, now),
      ...postgresSync(pool, now, key.key),
      ...postgresLoginAttempts(pool, now),
      ...postgresFairUse(pool, now),
    };
  } catch (error) {
    await pool.end();
    throw error;
  }
}
