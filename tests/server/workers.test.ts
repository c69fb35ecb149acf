/**
 * Several server processes on one database: SQLite processes sharing one data directory
 * (SEDP_WORKERS on one machine), and PostgreSQL (when SEDP_TEST_DATABASE_URL is set).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store } from '../../server/store/store.ts';
import {
  type Client,
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
import { root, runServer, type ServerProcess } from './server-process.ts';

const NODE_FLAGS = ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

/** Runs `script` (an ES module) in a new Node process; resolves with its exit code and output. */
function runScript(script: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, '--input-type=module', '-e', script], {
      cwd: root,
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('SQLite with several processes', () => {
  it('lets processes opening one new data directory at the same moment all migrate it', async () => {
    const dir = makeTempDir();
    onTestFinished(() => removeDir(dir));
    const dataDir = path.join(dir, 'data');
    // Every process spins until the same instant, then opens the store: without a busy
    // timeout set first, and the version read again under the write lock, most of them
    // fail ("database is locked", "table meta already exists").
    const startAt = Date.now() + 2_000;
    const storeModule = JSON.stringify(path.join(root, 'server/store/sqlite-store.ts'));
    const script = `
      const { openSqliteStore } = await import(${storeModule});
      while (Date.now() < ${startAt}) {}
      const store = openSqliteStore(${JSON.stringify(dataDir)});
      console.log('version', await store.schemaVersion());
      await store.close();`;
    const runs = await Promise.all(Array.from({ length: 5 }, () => runScript(script)));
    for (const run of runs) {
      expect(run.output).toMatch(/version \d+/);
      expect(run.code).toBe(0);
    }
  }, 60_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Stops a server process (SIGTERM) when the test ends, however it ends. */
function stopAtEnd(server: ServerProcess): void {
  onTestFinished(async () => {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
}

async function createUser(store: Store, username: string) {
  await createAccount(store, {
    username,
    role: 'consultant',
    password: PASSWORD,
    districtIds: [territoryId('nooken'), territoryId('aksy')],
  });
}

async function signIn(url: string, username: string): Promise<Client> {
  const login = await client(url).post('/api/auth/login', { username, password: PASSWORD });
  expect(login.status).toBe(200);
  return client(url, login.body.token as string);
}

/** `batches` pushes of `size` new notes, all at once; returns the ids. */
async function pushAtOnce(apis: Client[], batches: number, size: number): Promise<string[]> {
  const sent = await Promise.all(
    Array.from({ length: batches }, async (_, batch) => {
      const mutations = await Promise.all(
        Array.from({ length: size }, (_, i) =>
          mutation({ body: note(territoryId(i % 2 ? 'nooken' : 'aksy'), `Batch ${batch}`) }),
        ),
      );
      const api = apis[batch % apis.length] as Client;
      const reply = await push(api, mutations, `device-${batch}`);
      expect(reply.status).toBe(200);
      for (const result of reply.body.results) expect(result.status).toBe('applied');
      return mutations.map((m) => m.id);
    }),
  );
  return sent.flat();
}

/** Every change since the seed, page by page. */
async function pullAll(api: Client): Promise<{ id: string; rev: number }[]> {
  const changes: { id: string; rev: number }[] = [];
  let cursor = 0;
  for (;;) {
    const page = await api.get(`/api/sync/pull?since=${cursor}&limit=100`);
    expect(page.status).toBe(200);
    changes.push(...page.body.changes);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return changes;
  }
}

function expectEachOnce(pulled: { id: string; rev: number }[], ids: string[]) {
  const mine = pulled.filter((change) => ids.includes(change.id));
  expect(mine).toHaveLength(ids.length);
  expect(new Set(mine.map((change) => change.id)).size).toBe(ids.length);
  const revs = pulled.map((change) => change.rev);
  expect(revs).toEqual([...revs].sort((a, b) => a - b));
}

describe('SEDP_WORKERS with SQLite', () => {
  it('serves one port from two workers on one data directory, restarts a crashed one, stops both', async () => {
    const dir = makeTempDir();
    onTestFinished(() => removeDir(dir));
    const dataDir = path.join(dir, 'data');
    const server = runServer({
      SEDP_DATA_DIR: dataDir,
      SEDP_STATIC_DIR: path.join(dir, 'no-build'),
      PORT: '0',
      HOST: '127.0.0.1',
      SEDP_WORKERS: '2',
    });
    stopAtEnd(server);
    const url = (await server.url).replace(/\/$/, '');
    const serving = () => [...server.output().matchAll(/Worker (\d) \(pid (\d+)\) is serving/g)];
    await waitFor('both workers', () => serving().length === 2);
    // Both seeded at once: the reference data is there once.
    expect(server.output().match(/Added \d+ reference records/g)).toHaveLength(1);
    // One clean-up, in worker 1.
    expect(server.output().match(/attachments no record names/g)).toHaveLength(1);

    const store = openSqliteStore(dataDir);
    await createUser(store, 'aigul');
    await store.close();
    const api = await signIn(url, 'aigul');

    const ids = await pushAtOnce([api], 8, 25);
    const pulled = await pullAll(api);
    expect(pulled).toHaveLength(SEEDED + ids.length);
    expectEachOnce(pulled, ids);

    // A worker that dies is started again; the port keeps answering meanwhile.
    const first = serving().find((match) => match[1] === '1');
    process.kill(Number(first?.[2]), 'SIGKILL');
    await waitFor('the restart', () =>
      /Worker 1 .* starting it again in 1 s/.test(server.output()),
    );
    expect((await api.get('/api/me')).status).toBe(200);
    await waitFor('worker 1 again', () => serving().length === 3);
    expect((await pushAtOnce([api], 2, 10)).length).toBe(20);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // Stopped on purpose, nothing is restarted.
    expect(server.output().match(/stopped unexpectedly/g)).toHaveLength(1);
  }, 120_000);
});

const databaseUrl = process.env.SEDP_TEST_DATABASE_URL;
const describePostgres = databaseUrl ? describe : describe.skip;

describePostgres('several server processes on one PostgreSQL schema', () => {
  it('shares records, revisions and sign-in limits between two processes', async () => {
    const url = databaseUrl ?? '';
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    const schema = `sedp_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    onTestFinished(async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    });
    const dir = makeTempDir();
    onTestFinished(() => removeDir(dir));
    const env = (name: string) => ({
      DATABASE_URL: url,
      SEDP_DB_SCHEMA: schema,
      SEDP_DATA_DIR: path.join(dir, name),
      SEDP_STATIC_DIR: path.join(dir, 'no-build'),
      PORT: '0',
      HOST: '127.0.0.1',
      SEDP_LOGIN_FREE_ATTEMPTS: '3',
      // Long enough that the fourth guess still waits on a machine too busy to send it
      // within the default 1 s.
      SEDP_LOGIN_FIRST_DELAY_SECONDS: '600',
    });
    // Started together: both migrate and seed one new schema at the same moment.
    const one = runServer(env('one'));
    const two = runServer(env('two'));
    stopAtEnd(one);
    stopAtEnd(two);
    const urlOne = (await one.url).replace(/\/$/, '');
    const urlTwo = (await two.url).replace(/\/$/, '');

    const store = await openPostgresStore(url, { schema });
    onTestFinished(() => store.close());
    await createUser(store, 'bakyt');
    expect(await store.pull(0, 10_000, { all: true })).toHaveLength(SEEDED);

    // Signed in through one process, the token is good on the other.
    const login = await client(urlOne).post('/api/auth/login', {
      username: 'bakyt',
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    const apiOne = client(urlOne, login.body.token as string);
    const apiTwo = client(urlTwo, login.body.token as string);
    const ids = await pushAtOnce([apiOne], 6, 30);
    const pulled = await pullAll(apiTwo);
    expect(pulled).toHaveLength(SEEDED + ids.length);
    expectEachOnce(pulled, ids);

    // Pushes through both at once still number every record once, in one order.
    const more = await pushAtOnce([apiOne, apiTwo], 6, 20);
    const again = await pullAll(apiOne);
    expect(again).toHaveLength(SEEDED + ids.length + more.length);
    expectEachOnce(again, [...ids, ...more]);
    expect(await pullAll(apiTwo)).toEqual(again);
    // A third process, itself two workers, answers the same.
    const three = runServer({ ...env('three'), SEDP_WORKERS: '2' });
    stopAtEnd(three);
    const urlThree = (await three.url).replace(/\/$/, '');
    expect(await pullAll(client(urlThree, login.body.token as string))).toEqual(again);

    // Three wrong passwords through one process use up the free attempts on the other too.
    for (let i = 0; i < 3; i += 1) {
      const wrong = await client(urlOne).post('/api/auth/login', {
        username: 'bakyt',
        password: `guess ${i}`,
      });
      expect(wrong.status).toBe(401);
    }
    const next = await client(urlTwo).post('/api/auth/login', {
      username: 'bakyt',
      password: 'guess 4',
    });
    expect(next.status).toBe(429);
  }, 120_000);
});
