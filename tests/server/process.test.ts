import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, removeDir } from './helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const dirs: string[] = [];

function runServer(env: Record<string, string>) {
  const child = spawn(
    process.execPath,
    ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'server/main.ts'],
    { cwd: root, env: { ...process.env, ...env } },
  );
  children.push(child);
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

async function waitFor(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('server process', () => {
  it('creates its data directory with a WAL SQLite database and prints the URL', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const dataDir = path.join(dir, 'nested', 'data');
    const server = runServer({ PORT: '0', HOST: '127.0.0.1', SEDP_DATA_DIR: dataDir });
    const url = await server.url;
    const health = await fetch(`${url}api/health`);
    expect(health.status).toBe(200);
    expect(existsSync(path.join(dataDir, 'sedp.sqlite'))).toBe(true);
    expect(existsSync(path.join(dataDir, 'sedp.sqlite-wal'))).toBe(true);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    // Restart on the same directory: the database opens as it was.
    const again = runServer({ PORT: '0', HOST: '127.0.0.1', SEDP_DATA_DIR: dataDir });
    const body = await (await fetch(`${await again.url}api/health`)).json();
    expect(body).toMatchObject({ status: 'ok', schemaVersion: 3, hasUsers: false });
  });

  it('tells how to create the first admin while there is no account', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const dataDir = path.join(dir, 'data');
    const server = runServer({ PORT: '0', HOST: '127.0.0.1', SEDP_DATA_DIR: dataDir });
    await server.url;
    await waitFor(() => server.output().includes('npm run users'));
    expect(server.output()).toContain(
      `SEDP_DATA_DIR=${dataDir} npm run users -- add admin --role admin --name "Administrator"`,
    );
  });

  it('stops with a clear message on a bad setting', async () => {
    const server = runServer({ PORT: 'eighty' });
    expect(await server.exited).toBe(2);
    expect(server.output()).toContain('Invalid server configuration');
    expect(server.output()).toContain('PORT must be a number');
  });
});
