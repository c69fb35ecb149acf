/**
 * `npm run store:copy -- --to postgres://… [--schema <name>]`: copies the SQLite
 * installation in SEDP_DATA_DIR into an empty PostgreSQL database (or schema), to move an
 * installation to PostgreSQL. Stop the server first; run it again safely until the new
 * server has started on the copy.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../env.ts';
import { createPool } from '../store/postgres/postgres-client.ts';
import { DATABASE_FILE, openSqliteDatabase } from '../store/sqlite-store.ts';
import { CopyRefusedError, copySqliteToPostgres } from '../store/store-copy.ts';

const USAGE = `Usage: npm run store:copy -- --to <postgres://…> [--schema <name>]

Copies the SQLite data directory SEDP_DATA_DIR (default ./data) into an empty PostgreSQL
database or schema: accounts with their passwords, tokens, records with their full history
and revision numbers, push results, attachment records. Stop the server first. Running it
again is safe while the copy is unused; a target holding anything else is refused.
Attachment files are not copied: see the message at the end.`;

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
      `Attachment files (${summary.blobCount}, ${megabytes(summary.blobBytes)}) are not in the database: copy ${path.join(dataDir, 'blobs')} to the blobs folder of the new server's SEDP_DATA_DIR (e.g. rsync -a).`,
    );
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
