/**
 * Opens the store the configuration names: PostgreSQL when DATABASE_URL is set, else SQLite
 * in the data directory. The one place that chooses, so the server, the users CLI and the
 * seed scripts always agree on where the data is.
 */
import type { DatabaseConfig } from '../env.ts';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

export async function openStore(database: DatabaseConfig, dataDir: string): Promise<Store> {
  if (database.engine === 'sqlite') return openSqliteStore(dataDir);
  return openPostgresStore(database.url, { poolSize: database.poolSize, schema: database.schema });
}

/** Where the data is, for start-up lines: the database's host and name, never credentials. */
export function describeDatabase(database: DatabaseConfig, dataDir: string): string {
  if (database.engine === 'sqlite') return `SQLite in ${dataDir}`;
  const url = new URL(database.url);
  const where = `${url.host || 'local socket'}${url.pathname}`;
  return `PostgreSQL at ${where}${database.schema ? `, schema ${database.schema}` : ''}`;
}
