import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import { makeTempDir, removeDir } from './helpers.ts';
import { runServer as startProcess } from './server-process.ts';

const children: ChildProcess[] = [];
const dirs: string[] = [];

function runServer(env: Record<string, string>) {
  const server = startProcess(env);
  children.push(server.child);
  return server;
}

async function waitFor(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) removeDir(dir);
});

// Each test starts a server process: generous limits for a busy machine.
describe('server process', { timeout: 90_000 }, () => {
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
    expect(body).toMatchObject({ status: 'ok', schemaVersion: MIGRATIONS.length, hasUsers: false });
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
