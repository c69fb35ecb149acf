/**
 * Copies an SQLite installation (its database file) into an empty PostgreSQL schema, row
 * for row: the same ids, password hashes, token hashes, revision numbers and push results,
 * so devices carry on with their cursors and retries as if nothing had moved. All of it in
 * one PostgreSQL transaction, checked (row counts and a SHA-256 per table, computed the
 * same way on both sides) before it commits.
 */

import { createHash } from 'node:crypto';
import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import type pg from 'pg';
import type { BlobBytes } from '../blobs/blob-bytes.ts';
import { MIGRATIONS } from './migrations.ts';
import { migratePostgres, postgresSchemaVersion } from './postgres/migrations.ts';
import { first, inTransaction } from './postgres/postgres-client.ts';

type Kind = 'text' | 'int' | 'bool';

interface Table {
  name: string;
  columns: readonly (readonly [string, Kind])[];
  /** The primary key, in the order both sides sort by (bytes / numbers on both engines). */
  key: readonly string[];
  /** A GENERATED ALWAYS identity column: copied as is, then its sequence moved past it. */
  identity?: string;
}

/** Every table but the migrations' own bookkeeping; parents before children. */
export const COPIED_TABLES: readonly Table[] = [
  {
    name: 'meta',
    columns: [
      ['key', 'text'],
      ['value', 'text'],
    ],
    key: ['key'],
  },
  {
    name: 'users',
    columns: [
      ['id', 'text'],
      ['username', 'text'],
      ['display_name', 'text'],
      ['role', 'text'],
      ['password_hash', 'text'],
      ['disabled', 'bool'],
      ['created_at', 'text'],
    ],
    key: ['id'],
  },
  {
    name: 'user_districts',
    columns: [
      ['user_id', 'text'],
      ['district_id', 'text'],
    ],
    key: ['user_id', 'district_id'],
  },
  {
    name: 'tokens',
    columns: [
      ['token_hash', 'text'],
      ['user_id', 'text'],
      ['created_at', 'text'],
      ['last_used_at', 'text'],
      ['revoked_at', 'text'],
    ],
    key: ['token_hash'],
  },
  {
    name: 'records',
    columns: [
      ['id', 'text'],
      ['type', 'text'],
      ['rev', 'int'],
      ['district_id', 'text'],
      ['deleted', 'bool'],
      ['updated_at', 'text'],
      ['updated_by', 'text'],
      ['schema_version', 'int'],
      ['body', 'text'],
    ],
    key: ['id'],
  },
  {
    name: 'revisions',
    columns: [
      ['rev', 'int'],
      ['record_id', 'text'],
      ['type', 'text'],
      ['body', 'text'],
      ['deleted', 'bool'],
      ['updated_at', 'text'],
      ['updated_by', 'text'],
      ['schema_version', 'int'],
      ['mutation_id', 'text'],
      ['kind', 'text'],
      ['user_id', 'text'],
      ['device_id', 'text'],
    ],
    key: ['rev'],
    identity: 'rev',
  },
  {
    name: 'mutations',
    columns: [
      ['mutation_id', 'text'],
      ['hash', 'text'],
      ['result', 'text'],
      ['user_id', 'text'],
      ['device_id', 'text'],
      ['created_at', 'text'],
    ],
    key: ['mutation_id'],
  },
  {
    name: 'blobs',
    columns: [
      ['sha256', 'text'],
      ['size', 'int'],
      ['mime', 'text'],
      ['created_at', 'text'],
      ['created_by', 'text'],
    ],
    key: ['sha256'],
  },
  {
    name: 'login_failures',
    columns: [
      ['id', 'int'],
      ['key', 'text'],
      ['at', 'int'],
    ],
    key: ['id'],
    identity: 'id',
  },
  {
    name: 'known_devices',
    columns: [
      ['user_id', 'text'],
      ['device_hash', 'text'],
      ['first_seen_at', 'text'],
      ['last_seen_at', 'text'],
    ],
    key: ['user_id', 'device_hash'],
  },
  {
    name: 'usage_counters',
    columns: [
      ['user_id', 'text'],
      ['kind', 'text'],
      ['window_start', 'int'],
      ['amount', 'int'],
    ],
    key: ['user_id', 'kind'],
  },
  {
    name: 'record_blobs',
    columns: [
      ['sha256', 'text'],
      ['record_id', 'text'],
    ],
    key: ['sha256', 'record_id'],
  },
  {
    name: 'blob_uploaders',
    columns: [
      ['sha256', 'text'],
      ['user_id', 'text'],
    ],
    key: ['sha256', 'user_id'],
  },
];

/**
 * Rows of `meta` the copy writes about itself: left out of the comparison, since the
 * source has none. `copy_source` names the source (its own creation time), `copy_digest`
 * is the digest of the target as this copy left it.
 */
const COPY_MARK = 'copy_';
const COPY_SOURCE = 'copy_source';
const COPY_DIGEST = 'copy_digest';

/** Rows per INSERT: 13 columns at most, far below PostgreSQL's 65,535 parameters. */
const BATCH = 500;

export interface TableSummary {
  table: string;
  rows: number;
  sha256: string;
}

export interface CopySummary {
  tables: TableSummary[];
  /** The next revision number PostgreSQL will give. */
  nextRevision: number;
  /** The target held an earlier copy of this same source, replaced by this one. */
  replacedEarlierCopy: boolean;
  /** Attachment rows: their bytes are files in the source's data directory. */
  blobCount: number;
  blobBytes: number;
}

export class CopyRefusedError extends Error {
  override name = 'CopyRefusedError';
}

type Value = string | number | null;

/** One value as both engines' drivers give it, made alike: BIGINT text and booleans to numbers. */
function normalize(value: unknown, kind: Kind): Value {
  if (value === null || value === undefined) return null;
  if (kind === 'bool') return value === true || value === 1 || value === 1n ? 1 : 0;
  if (kind === 'int') return Number(value);
  return String(value);
}

/** SHA-256 over the rows in key order, each as a JSON array of its normalized values. */
class TableHash {
  private readonly hash = createHash('sha256');
  rows = 0;
  add(row: readonly Value[]): void {
    this.hash.update(`${JSON.stringify(row)}\n`);
    this.rows += 1;
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

const sqliteSelect = (table: Table) => {
  const where = table.name === 'meta' ? `WHERE key NOT LIKE '${COPY_MARK}%'` : '';
  return `SELECT ${table.columns.map(([name]) => name).join(', ')} FROM ${table.name} ${where} ORDER BY ${table.key.join(', ')}`;
};

function* sqliteRows(db: DatabaseSync, table: Table): Generator<Value[]> {
  for (const row of db.prepare(sqliteSelect(table)).iterate()) {
    const record = row as Record<string, SQLInputValue>;
    yield table.columns.map(([name, kind]) => normalize(record[name], kind));
  }
}

/** The target's rows in key order, a page at a time (keyset paging, so any size works). */
async function* postgresRows(db: pg.PoolClient, table: Table): AsyncGenerator<Value[]> {
  const columns = table.columns.map(([name]) => name).join(', ');
  const key = table.key.join(', ');
  const keyKinds = table.key.map((name) => table.columns.find(([column]) => column === name));
  const meta = table.name === 'meta' ? `key NOT LIKE '${COPY_MARK}%'` : 'true';
  let after: Value[] | undefined;
  for (;;) {
    const params: Value[] = after ? [...after] : [];
    const placeholders = table.key.map((_, i) => `$${i + 1}`).join(', ');
    const result = await db.query<Record<string, unknown>>(
      `SELECT ${columns} FROM ${table.name}
       WHERE ${meta} ${after ? `AND (${key}) > (${placeholders})` : ''}
       ORDER BY ${key} LIMIT ${BATCH}`,
      params,
    );
    for (const row of result.rows) {
      yield table.columns.map(([name, kind]) => normalize(row[name], kind));
    }
    if (result.rows.length < BATCH) return;
    const last = result.rows[result.rows.length - 1] ?? {};
    after = keyKinds.map((column) => (column ? normalize(last[column[0]], column[1]) : null));
  }
}

async function insertBatch(db: pg.PoolClient, table: Table, batch: Value[][]): Promise<void> {
  if (batch.length === 0) return;
  const width = table.columns.length;
  const values = batch
    .map((_, row) => `(${table.columns.map((_, i) => `$${row * width + i + 1}`).join(', ')})`)
    .join(', ');
  // Booleans go in as booleans; everything else as the driver sends numbers and text.
  const params = batch.flatMap((row) =>
    row.map((value, i) => (table.columns[i]?.[1] === 'bool' ? value === 1 : value)),
  );
  await db.query(
    `INSERT INTO ${table.name} (${table.columns.map(([name]) => name).join(', ')})
     ${table.identity ? 'OVERRIDING SYSTEM VALUE' : ''} VALUES ${values}`,
    params,
  );
}

async function targetDigest(
  db: pg.PoolClient,
): Promise<{ tables: TableSummary[]; digest: string }> {
  const tables: TableSummary[] = [];
  for (const table of COPIED_TABLES) {
    const hash = new TableHash();
    for await (const row of postgresRows(db, table)) hash.add(row);
    tables.push({ table: table.name, rows: hash.rows, sha256: hash.digest() });
  }
  const digest = createHash('sha256')
    .update(tables.map((table) => `${table.table} ${table.rows} ${table.sha256}`).join('\n'))
    .digest('hex');
  return { tables, digest };
}

function sqliteValue(db: DatabaseSync, sql: string): number {
  const row = db.prepare(sql).get() as Record<string, unknown> | undefined;
  return Number(Object.values(row ?? {})[0] ?? 0);
}

/**
 * Copies `source` into the schema `pool` connects to (migrated first). Refuses a target
 * holding anything but an unchanged earlier copy of this same source; that one is replaced.
 */
export async function copySqliteToPostgres(
  source: DatabaseSync,
  pool: pg.Pool,
): Promise<CopySummary> {
  const sourceVersion = sqliteValue(source, 'PRAGMA user_version');
  if (sourceVersion !== MIGRATIONS.length) {
    throw new CopyRefusedError(
      `The source is at schema version ${sourceVersion}, this program at ${MIGRATIONS.length}: use the same version of the server for both.`,
    );
  }
  await migratePostgres(pool);
  const targetVersion = await postgresSchemaVersion(pool);
  if (targetVersion !== sourceVersion) {
    throw new CopyRefusedError(
      `The target is at schema version ${targetVersion}, the source at ${sourceVersion}.`,
    );
  }
  const sourceId = (
    source.prepare(`SELECT value FROM meta WHERE key = 'created_at'`).get() as
      | { value: string }
      | undefined
  )?.value;
  if (!sourceId) throw new CopyRefusedError('The source database has no creation time in meta.');

  // One read transaction on the source: a consistent snapshot even if a server still writes.
  source.exec('BEGIN');
  try {
    return await inTransaction(pool, async (db) => {
      const replacedEarlierCopy = await checkTarget(db, sourceId);
      await db.query(
        `TRUNCATE ${COPIED_TABLES.map((table) => table.name).join(', ')} RESTART IDENTITY`,
      );
      const tables: TableSummary[] = [];
      for (const table of COPIED_TABLES) {
        const hash = new TableHash();
        let batch: Value[][] = [];
        for (const row of sqliteRows(source, table)) {
          hash.add(row);
          batch.push(row);
          if (batch.length === BATCH) {
            await insertBatch(db, table, batch);
            batch = [];
          }
        }
        await insertBatch(db, table, batch);
        tables.push({ table: table.name, rows: hash.rows, sha256: hash.digest() });
      }
      const nextRevision = await moveSequences(db, source);
      const copied = await targetDigest(db);
      for (const [i, expected] of tables.entries()) {
        const found = copied.tables[i];
        if (found?.rows !== expected.rows || found.sha256 !== expected.sha256) {
          throw new Error(
            `Table ${expected.table} differs after the copy (${expected.rows} rows in the source, ${found?.rows} in the target): nothing was kept.`,
          );
        }
      }
      await db.query(
        `INSERT INTO meta (key, value) VALUES ($1, $2), ($3, $4)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        [COPY_SOURCE, sourceId, COPY_DIGEST, copied.digest],
      );
      return {
        tables,
        nextRevision,
        replacedEarlierCopy,
        blobCount: sqliteValue(source, 'SELECT count(*) FROM blobs'),
        blobBytes: sqliteValue(source, 'SELECT coalesce(sum(size), 0) FROM blobs'),
      };
    });
  } finally {
    source.exec('COMMIT');
  }
}

/**
 * Whether the target may be written: empty (true: nothing to replace → false), or an
 * earlier copy of this source that nobody has written to since (true). Anything else is
 * refused: a server may already be using it, and replacing it would lose that work.
 */
async function checkTarget(db: pg.PoolClient, sourceId: string): Promise<boolean> {
  const filled: string[] = [];
  for (const table of COPIED_TABLES) {
    if (table.name === 'meta') continue;
    if (await first(db, `SELECT 1 FROM ${table.name} LIMIT 1`)) filled.push(table.name);
  }
  if (filled.length === 0) return false;
  const marks = await db.query<{ key: string; value: string }>(
    'SELECT key, value FROM meta WHERE key = ANY($1::text[])',
    [[COPY_SOURCE, COPY_DIGEST]],
  );
  const mark = new Map(marks.rows.map((row) => [row.key, row.value]));
  if (mark.get(COPY_SOURCE) !== sourceId) {
    throw new CopyRefusedError(
      `The target is not empty (${filled.join(', ')}) and is not a copy of this installation: refusing to overwrite it. Copy into a new, empty database or schema.`,
    );
  }
  if ((await targetDigest(db)).digest !== mark.get(COPY_DIGEST)) {
    throw new CopyRefusedError(
      'The target is an earlier copy of this installation, but it has changed since (a server has used it): copying again would lose that work. Refusing.',
    );
  }
  return true;
}

/** Moves the identity sequences past the copied numbers; returns the next revision. */
async function moveSequences(db: pg.PoolClient, source: DatabaseSync): Promise<number> {
  // AUTOINCREMENT never gives a number twice, even one whose row is gone (a trimmed
  // conflict version): PostgreSQL must not either.
  const lastRevision = Math.max(
    sqliteValue(source, 'SELECT coalesce(max(rev), 0) FROM revisions'),
    sqliteValue(
      source,
      `SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'revisions'`,
    ),
  );
  const lastFailure = sqliteValue(source, 'SELECT coalesce(max(id), 0) FROM login_failures');
  for (const [table, column, last] of [
    ['revisions', 'rev', lastRevision],
    ['login_failures', 'id', lastFailure],
  ] as const) {
    await db.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), $3, $4)`,
      last > 0 ? [table, column, last, true] : [table, column, 1, false],
    );
  }
  return lastRevision + 1;
}

/**
 * Copies the attachment files of the source's data directory into the PostgreSQL blob
 * store, after the rows: each file is checked against its name (SHA-256) on the way, and a
 * blob already there is left alone, so this too can be run again. Returns how many were
 * copied now and which named files are missing or damaged (their rows stay; a device that
 * still holds one uploads it again when its HEAD finds it missing).
 */
export async function copyBlobBytes(
  sha256s: readonly string[],
  readFile: (sha256: string) => Promise<Uint8Array | undefined>,
  target: BlobBytes,
): Promise<{ copied: number; alreadyThere: number; missing: string[] }> {
  const result = { copied: 0, alreadyThere: 0, missing: [] as string[] };
  for (const sha256 of sha256s) {
    if (await target.exists(sha256)) {
      result.alreadyThere += 1;
      continue;
    }
    const bytes = await readFile(sha256);
    if (!bytes || createHash('sha256').update(bytes).digest('hex') !== sha256) {
      result.missing.push(sha256);
      continue;
    }
    await target.write(sha256, bytes);
    result.copied += 1;
  }
  return result;
}
