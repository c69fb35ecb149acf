/**
 * `npm run store:copy -- --to postgres://… [--schema <name>]`: copies the SQLite
 * installation in SEDP_DATA_DIR into an empty PostgreSQL database (or schema), to move an
 * installation to PostgreSQL. Stop the server first; run it again safely until the new
 * server has started on the copy.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BlobBytes } from '../blobs/blob-bytes.ts';
import { filesBlobBytes } from '../blobs/file-blob-bytes.ts';
import { postgresBlobBytes } from '../blobs/postgres-blob-bytes.ts';
import { ConfigError, loadConfig } from '../env.ts';
import { createPool } from '../store/postgres/postgres-client.ts';
import { DATABASE_FILE, openSqliteDatabase } from '../store/sqlite-store.ts';
import { CopyRefusedError, copyBlobBytes, copySqliteToPostgres } from '../store/store-copy.ts';

const USAGE = `Usage: npm run store:copy -- --to <postgres://…> [--schema <name>]

Copies the SQLite data directory SEDP_DATA_DIR (default ./data) into an empty PostgreSQL
database or schema: accounts with their passwords, tokens, records with their full history
and revision numbers, push results, attachment records. Stop the server first. Running it
again is safe while the copy is unused; a target holding anything else is refused.
Attachment files are copied into the database too, each checked against its SHA-256.`;

/** A stored file's bytes, or undefined when the file is not there. */
async function readAll(files: BlobBytes, sha256: string): Promise<Uint8Array | undefined> {
  if (!(await files.exists(sha256))) return undefined;
  return new Uint8Array(await new Response(files.read(sha256)).arrayBuffer());
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(argv: string[]): Promise<number> {
  let values: { to?: string; schema?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        to: { type: 'string' },
        schema: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.to || !/^postgres(ql)?:\/\//.test(values.to)) {
    console.error(`--to must be a postgres:// URL\n\n${USAGE}`);
    return 2;
  }
  const { dataDir } = loadConfig();
  if (!existsSync(path.join(dataDir, DATABASE_FILE))) {
    console.error(`There is no ${DATABASE_FILE} in ${dataDir}: set SEDP_DATA_DIR.`);
    return 2;
  }
  console.log(`Copying ${path.join(dataDir, DATABASE_FILE)} into PostgreSQL…`);
  const source = openSqliteDatabase(dataDir);
  const pool = createPool(values.to, { schema: values.schema, poolSize: 2 });
  try {
    const summary = await copySqliteToPostgres(source, pool);
    if (summary.replacedEarlierCopy) console.log('Replaced an earlier, unused copy of it.');
    for (const table of summary.tables) {
      console.log(
        `  ${table.table.padEnd(16)} ${String(table.rows).padStart(9)} rows  sha256 ${table.sha256.slice(0, 16)}…  same on both sides`,
      );
    }
    console.log(`The next revision will be ${summary.nextRevision}.`);
    console.log(
      `Copying attachment files (${summary.blobCount}, ${megabytes(summary.blobBytes)}) into the database…`,
    );
    const files = filesBlobBytes(dataDir);
    const blobs = await copyBlobBytes(
      source
        .prepare('SELECT sha256 FROM blobs ORDER BY sha256')
        .all()
        .map((row) => String((row as { sha256: unknown }).sha256)),
      (sha256) => readAll(files, sha256),
      postgresBlobBytes(pool, () => new Date()),
    );
    console.log(
      `  ${blobs.copied} copied, ${blobs.alreadyThere} already there, ${blobs.missing.length} missing or damaged.`,
    );
    for (const sha256 of blobs.missing) console.log(`  missing or damaged: ${sha256}`);
    return 0;
  } catch (error) {
    if (error instanceof CopyRefusedError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    source.close();
    await pool.end();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = error instanceof ConfigError ? 2 : 1;
}
