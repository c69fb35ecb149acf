/** The real server as a child process, for tests that stop it the hard way. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const NODE_FLAGS = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

/** Empty counts as unset: a DATABASE_URL in the shell running the tests must not leak in. */
const NO_DATABASE_URL = { DATABASE_URL: '', SEDP_DB_POOL_SIZE: '', SEDP_DB_SCHEMA: '' };

export interface ServerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  /** The URL it prints once it listens (rejects if it exits first). */
  url: Promise<string>;
  output(): string;
}

export function runServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, [...NODE_FLAGS, 'server/main.ts'], {
    cwd: root,
    env: { ...process.env, ...NO_DATABASE_URL, ...env },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = new Promise<string>((resolve, reject) => {
    const onData = () => {
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1].replace('localhost', '127.0.0.1'));
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  // Only the tests that wait for a URL care that it never came.
  url.catch(() => undefined);
  return { child, exited, url, output: () => output };
}

/**
 * Runs the users CLI on a data directory (as an administrator would), throwing on failure;
 * `env` adds settings such as DATABASE_URL.
 */
export function runUsersCli(
  dataDir: string,
  args: string[],
  password: string,
  env: Record<string, string> = {},
): void {
  const result = spawnSync(process.execPath, [...NODE_FLAGS, 'server/cli/users.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      ...NO_DATABASE_URL,
      ...env,
      SEDP_DATA_DIR: dataDir,
      SEDP_PASSWORD: password,
    },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`users ${args.join(' ')}: ${result.stderr}`);
}
