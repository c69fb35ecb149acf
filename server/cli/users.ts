/**
 * `npm run users -- <command>`: manages accounts in the server's database (DATABASE_URL, or
 * SQLite in SEDP_DATA_DIR), also while the server runs (SQLite WAL or PostgreSQL
 * transactions; writes wait for each other).
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../env.ts';
import { describeDatabase, openStore } from '../store/open-store.ts';
import { PromptCancelled, promptHidden } from './prompt.ts';
import { CommandError, runUserCommand, UsageError } from './user-commands.ts';

const USAGE = `Usage: npm run users -- <command>
  add <username> --role <admin|coordinator|consultant> [--districts <code,...>] [--name "<display name>"]
  list
  passwd <username>
  disable <username>
  enable <username>
  districts <username> <code,...>    ('' clears them)

Districts are given by code (nooken, aksy, ...) or by id.

Passwords (at least 8 characters) are read from SEDP_PASSWORD, or asked for twice in a terminal.
The accounts are in the server's database: PostgreSQL when DATABASE_URL is set (and
SEDP_DB_SCHEMA, as the server has them), else SQLite in SEDP_DATA_DIR (default ./data).`;

async function newPassword(): Promise<string> {
  const fromEnvironment = process.env.SEDP_PASSWORD;
  if (fromEnvironment) return fromEnvironment;
  if (!process.stdin.isTTY) {
    throw new UsageError('No password: set SEDP_PASSWORD, or run this in a terminal to type it');
  }
  const first = await promptHidden('New password: ');
  const second = await promptHidden('The same password again: ');
  if (first !== second) throw new CommandError('The two passwords differ; nothing was changed');
  return first;
}

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const { dataDir, database } = loadConfig();
  // On stderr, so `list` stays clean to pipe; a wrong SEDP_DATA_DIR or DATABASE_URL shows at once.
  console.error(`Database: ${describeDatabase(database, dataDir)}`);
  const store = await openStore(database, dataDir);
  try {
    await runUserCommand(
      store,
      { positionals: parsed.positionals, ...parsed.values },
      { out: (line) => console.log(line), newPassword },
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CommandError || error instanceof PromptCancelled) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      districts: { type: 'string' },
      name: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = error instanceof ConfigError ? 2 : 1;
}
