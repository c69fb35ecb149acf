/**
 * The real server process on PostgreSQL (DATABASE_URL and SEDP_DB_SCHEMA): accounts from
 * the users CLI, sign-in, push and pull, a restart, and health when the database fails.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import {
  client,
  makeTempDir,
  mutation,
  note,
  PASSWORD,
  push,
  removeDir,
  SEEDED,
  territoryId,
} from './helpers.ts';
import { testDatabaseUrl, testSchemas } from './postgres-test-database.ts';
import { runUsersCli, runServer as startProcess } from './server-process.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const children: ChildProcess[] = [];
const dirs: string[] = [];
const schemas = testDatabaseUrl ? testSchemas(testDatabaseUrl) : undefined;

function runServer(env: Record<string, string>) {
  const server = startProcess({ PORT: '0', HOST: '127.0.0.1', ...env });
  children.push(server.child);
  return server;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) removeDir(dir);
});

afterAll(async () => {
  await schemas?.end();
});

// Skipped without SEDP_TEST_DATABASE_URL (store.test.ts says so once); required in CI.
describe.skipIf(!testDatabaseUrl)('server process on PostgreSQL', { timeout: 120_000 }, () => {
  async function place() {
    const dir = makeTempDir();
    dirs.push(dir);
    const schema = (await schemas?.create()) ?? '';
    const env = {
      SEDP_DATA_DIR: path.join(dir, 'data'),
      DATABASE_URL: testDatabaseUrl ?? '',
      SEDP_DB_SCHEMA: schema,
    };
    return { schema, env };
  }

  it('serves accounts the users CLI made, keeps pushes across a restart', async () => {
    const { env } = await place();
    const { SEDP_DATA_DIR: dataDir, ...database } = env;
    runUsersCli(
      dataDir,
      ['add', 'aigul', '--role', 'coordinator', '--name', 'Aigul'],
      PASSWORD,
      database,
    );

    const first = runServer(env);
    const url = (await first.url).replace(/\/$/, '');
    // Printed right after the URL.
    while (!first.output().includes('Database:')) await sleep(20);
    expect(first.output()).toContain('Database: PostgreSQL at 127.0.0.1:5432/test, schema');
    expect(first.output()).not.toContain(testDatabaseUrl);
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      engine: 'postgres',
      schemaVersion: MIGRATIONS.length,
      hasUsers: true,
    });
    const login = await client(url).post('/api/auth/login', {
      username: 'aigul',
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    const token = login.body.token as string;
    const api = client(url, token);
    const created = await mutation({ body: note(territoryId('nooken'), 'On PostgreSQL') });
    const pushed = await push(api, [created]);
    expect(pushed.body.results[0]).toMatchObject({ status: 'applied', rev: SEEDED + 1 });
    expect((await api.get(`/api/sync/pull?since=${SEEDED}`)).body.changes).toHaveLength(1);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // Started again: seeding adds nothing, the token, the record and the retry are kept.
    const second = runServer(env);
    const again = client((await second.url).replace(/\/$/, ''), token);
    expect(second.output()).not.toContain('reference records');
    const pulled = await again.get('/api/sync/pull?since=0');
    expect(pulled.body).toMatchObject({ cursor: SEEDED + 1, hasMore: false });
    expect(pulled.body.changes.at(-1)).toMatchObject({ id: created.id, rev: SEEDED + 1 });
    const retry = await push(again, [created]);
    expect(retry.body.results[0]).toMatchObject({ status: 'duplicate', rev: SEEDED + 1 });
  });

  it('starts two processes on one new database together: migrated and seeded once', async () => {
    const { env } = await place();
    const { SEDP_DATA_DIR: dataDir, ...database } = env;
    const servers = [runServer(env), runServer(env)];
    const urls = await Promise.all(servers.map(async (one) => (await one.url).replace(/\/$/, '')));
    runUsersCli(
      dataDir,
      ['add', 'bakyt', '--role', 'admin', '--name', 'Bakyt'],
      PASSWORD,
      database,
    );
    for (const url of urls) {
      const login = await client(url).post('/api/auth/login', {
        username: 'bakyt',
        password: PASSWORD,
      });
      const pulled = await client(url, login.body.token as string).get('/api/sync/pull?since=0');
      // Each seed record once, at revisions 1..SEEDED: the second seeding found them all.
      expect(pulled.body).toMatchObject({ cursor: SEEDED, hasMore: false });
      expect(new Set(pulled.body.changes.map((r: { id: string }) => r.id)).size).toBe(SEEDED);
    }
    const added = servers.map((one) => /Added (\d+) reference records/.exec(one.output())?.[1]);
    expect(added.filter(Boolean)).toEqual([String(SEEDED)]);
  });

  it('answers health 503 database_unavailable when its schema is gone, and keeps running', async () => {
    const { schema, env } = await place();
    const server = runServer(env);
    const url = (await server.url).replace(/\/$/, '');
    expect((await fetch(`${url}/api/health`)).status).toBe(200);

    await schemas?.admin.query(`DROP SCHEMA ${schema} CASCADE`);

    for (let i = 0; i < 2; i += 1) {
      const health = await fetch(`${url}/api/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({
        status: 'unavailable',
        engine: 'postgres',
        error: 'database_unavailable',
      });
    }
    expect(server.child.exitCode).toBeNull();
  });

  it('stops with one clear line when the database cannot be reached', async () => {
    const { env } = await place();
    const unreachable = new URL(testDatabaseUrl ?? '');
    // Port 1: nothing listens, the connection is refused at once.
    unreachable.port = '1';
    const server = runServer({ ...env, DATABASE_URL: unreachable.toString() });
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/Could not open the database \(PostgreSQL at [^)]*:1\//);
    expect(server.output()).not.toMatch(/^\s+at /m);
  });
});
