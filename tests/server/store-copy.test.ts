/**
 * `npm run store:copy`: an SQLite installation made through the real app, copied into a new
 * PostgreSQL schema, answers the same there. Runs when SEDP_TEST_DATABASE_URL is set.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createApp } from '../../server/app.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts';
import type { Store } from '../../server/store/store.ts';
import { newHearing } from '../../src/domain/hearing.ts';
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
  signedInUser,
  startTestServer,
  territoryId,
} from './helpers.ts';
import { root } from './server-process.ts';

const databaseUrl = process.env.SEDP_TEST_DATABASE_URL;
const describePostgres = databaseUrl ? describe : describe.skip;
const title = databaseUrl
  ? 'store:copy from SQLite to PostgreSQL'
  : 'store:copy (skipped: set SEDP_TEST_DATABASE_URL=postgres://… to run)';

const aksy = territoryId('aksy');
const nooken = territoryId('nooken');

function runCopy(dataDir: string, schema: string) {
  const result = spawnSync(
    process.execPath,
    [
      '--experimental-strip-types',
      '--disable-warning=ExperimentalWarning',
      'server/cli/store-copy.ts',
      '--to',
      databaseUrl ?? '',
      '--schema',
      schema,
    ],
    { cwd: root, env: { ...process.env, SEDP_DATA_DIR: dataDir }, encoding: 'utf8' },
  );
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Everything a client may pull, page by page. */
async function pullAll(api: Client): Promise<unknown[]> {
  const changes: unknown[] = [];
  let cursor = 0;
  for (;;) {
    const page = await api.get(`/api/sync/pull?since=${cursor}&limit=100`);
    expect(page.status).toBe(200);
    changes.push(...page.body.changes);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return changes;
  }
}

/** The app over a store, on a free port. */
async function serveStore(store: Store, dataDir: string) {
  const app = createApp({ store, version: '0.0.0-test', dataDir });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describePostgres(title, () => {
  const url = databaseUrl ?? '';
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  const schemas: string[] = [];

  async function freshSchema(): Promise<string> {
    const schema = `sedp_test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    return schema;
  }

  afterAll(async () => {
    for (const schema of schemas) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  });

  it('copies accounts, records, history, push results and blob rows; reruns safely; refuses others', async () => {
    const dir = makeTempDir();
    onTestFinished(() => removeDir(dir));
    const dataDir = path.join(dir, 'data');

    // An installation used through the app: accounts, pushes, a conflict, a tombstone, a photo.
    const sqlite = await startTestServer({ dataDir });
    const consultant = await signedInUser(sqlite, 'consultant', [nooken]);
    const photographer = await signedInUser(sqlite, 'consultant', [aksy]);
    const coordinator = await signedInUser(sqlite, 'coordinator');
    const first = await mutation({ body: note(nooken, 'First') });
    const others = await Promise.all([1, 2, 3].map(() => mutation({ body: note(nooken) })));
    expect((await push(consultant.api, [first, ...others])).status).toBe(200);
    const edited = await mutation({
      id: first.id,
      baseRev: SEEDED + 1,
      body: note(nooken, 'Second'),
    });
    const stale = await mutation({ id: first.id, baseRev: SEEDED + 1, body: note(nooken, 'Late') });
    const removed = await mutation({
      id: others[0]?.id,
      op: 'delete',
      baseRev: SEEDED + 2,
      body: note(nooken),
    });
    const results = (await push(consultant.api, [edited, stale, removed])).body.results;
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'conflict',
      'applied',
    ]);
    const bytes = randomBytes(4_000);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const upload = await fetch(`${sqlite.url}/api/blobs/${sha256}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${photographer.token}`, 'content-type': 'image/jpeg' },
      body: bytes as Uint8Array<ArrayBuffer>,
    });
    expect(upload.status).toBe(201);
    const hearing = await mutation({
      type: 'hearing',
      body: {
        ...newHearing(
          { districtId: aksy, municipalityId: territoryId('kerben') },
          new Date('2025-04-14T10:00:00'),
        ),
        photos: [{ sha256, kind: 'attendance-sheet' }],
      },
    });
    expect((await push(photographer.api, [hearing])).body.results[0].status).toBe('applied');
    expect(
      (
        await client(sqlite.url).post('/api/auth/login', {
          username: coordinator.user.username,
          password: 'wrong',
        })
      ).status,
    ).toBe(401);

    const expected = {
      all: await pullAll(coordinator.api),
      nooken: await pullAll(consultant.api),
      aksy: await pullAll(photographer.api),
      history: (await coordinator.api.get(`/api/records/${first.id}/history`)).body,
      user: await sqlite.store.findUserByUsername(consultant.user.username),
      users: await sqlite.store.listUsers(),
      blob: await sqlite.store.blobInfo(sha256),
    };
    await sqlite.close();

    // Copied, then copied again while unused: safe, the same rows.
    const schema = await freshSchema();
    const copy = runCopy(dataDir, schema);
    expect(copy.output).toMatch(/revisions +\d+ rows +sha256 [0-9a-f]{16}… +same on both sides/);
    expect(copy.output).toMatch(/Copying attachment files \(1, 0\.0 MB\) into the database/);
    expect(copy.output).toMatch(/1 copied, 0 already there, 0 missing or damaged/);
    expect(copy.code).toBe(0);
    const again = runCopy(dataDir, schema);
    expect(again.output).toMatch(/Replaced an earlier, unused copy/);
    expect(again.output).toMatch(/0 copied, 1 already there, 0 missing or damaged/);
    expect(again.code).toBe(0);

    const store = await openPostgresStore(url, { schema });
    onTestFinished(() => store.close());
    const pgUrl = await serveStore(store, path.join(dir, 'pg-data'));
    // The devices' tokens still work; they pull the same pages, the same history.
    const coordinatorThere = client(pgUrl, coordinator.token);
    const consultantThere = client(pgUrl, consultant.token);
    expect(await pullAll(coordinatorThere)).toEqual(expected.all);
    expect(await pullAll(consultantThere)).toEqual(expected.nooken);
    expect(await pullAll(client(pgUrl, photographer.token))).toEqual(expected.aksy);
    expect((await coordinatorThere.get(`/api/records/${first.id}/history`)).body).toEqual(
      expected.history,
    );
    expect(await store.findUserByUsername(consultant.user.username)).toEqual(expected.user);
    expect(await store.listUsers()).toEqual(expected.users);
    expect(await store.blobInfo(sha256)).toEqual(expected.blob);
    expect(
      await store.canReadBlob(sha256, photographer.user.id, {
        all: false,
        referenceTypes: [],
        districtIds: [],
      }),
    ).toBe(true);
    expect(await store.isBlobReferenced(sha256)).toBe(true);
    // The photo's bytes came along into the database: served by the new server, intact.
    const served = await fetch(`${pgUrl}/api/blobs/${sha256}`, {
      headers: { authorization: `Bearer ${photographer.token}` },
    });
    expect(served.status).toBe(200);
    const servedBytes = new Uint8Array(await served.arrayBuffer());
    expect(createHash('sha256').update(servedBytes).digest('hex')).toBe(sha256);
    // The passwords (hashes) came along; a retried push is still a duplicate.
    const login = await client(pgUrl).post('/api/auth/login', {
      username: consultant.user.username,
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
    const retried = await push(consultantThere, [edited, stale]);
    // The applied one answers `duplicate`, the conflict the very answer the device missed.
    expect(retried.body.results).toEqual([
      { mutationId: edited.mutationId, status: 'duplicate', rev: results[0].rev },
      results[1],
    ]);
    // The next revision comes after every copied one; the seed finds everything there.
    expect(await seedReferenceData(store)).toBe(0);
    const next = await push(consultantThere, [await mutation({ body: note(nooken) })]);
    expect(next.body.results[0]).toMatchObject({ status: 'applied', rev: SEEDED + 9 });

    // Now used, the copy is not replaced; nor is a schema that holds anything else.
    const used = runCopy(dataDir, schema);
    expect(used.code).toBe(1);
    expect(used.output).toMatch(/has changed since/);
    const foreign = await freshSchema();
    const other = await openPostgresStore(url, { schema: foreign });
    await seedReferenceData(other);
    await other.close();
    const refused = runCopy(dataDir, foreign);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(
      /not empty \(records, revisions\) and is not a copy of this installation/,
    );
    const untouched = await admin.query(`SELECT count(*)::int AS n FROM ${foreign}.records`);
    expect(untouched.rows[0].n).toBe(SEEDED);
  }, 120_000);
});
