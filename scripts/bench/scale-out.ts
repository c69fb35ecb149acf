/**
 * Scale-out, side by side: durable ingest on SQLite and PostgreSQL (empty, and with 200,000
 * records stored), pull page latency deep in that database, and a load run of 50 devices
 * against two server processes on one PostgreSQL schema. The PostgreSQL parts need
 * SEDP_BENCH_DATABASE_URL (or SEDP_TEST_DATABASE_URL); each run uses a fresh schema and
 * drops it afterwards. PostgreSQL runs with its defaults, synchronous_commit on.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts';
import { openSqliteDatabase, openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store } from '../../server/store/store.ts';
import { FIRST_PUSH_MUTATIONS, MAX_PUSH_MUTATIONS } from '../../src/domain/sync-limits.ts';
import type { MutationResult, PullResponse } from '../../src/domain/sync-protocol.ts';
import { runServer } from '../../tests/server/server-process.ts';
import { BENCH_FAIR_USE } from './bench-fair-use.ts';
import { LESSONS_TEXT, lessonsNoteMutation } from './server-ingest.ts';

export type EngineName = 'sqlite' | 'postgres';

export const benchDatabaseUrl =
  process.env.SEDP_BENCH_DATABASE_URL || process.env.SEDP_TEST_DATABASE_URL || undefined;

const seededId = (code: string) => {
  const id = TERRITORY_SEED.find((t) => t.code === code)?.id;
  if (!id) throw new Error(`No seeded territory ${code}`);
  return id;
};
/** Three seeded districts; Nooken and Aksy with their seeded municipalities. */
export const PLACES = [
  { districtId: seededId('nooken'), municipalityIds: [seededId('kochkor-ata')] },
  { districtId: seededId('aksy'), municipalityIds: [seededId('kerben')] },
  { districtId: seededId('issyk-kul-district'), municipalityIds: [] as string[] },
];
const place = (i: number) => {
  const p = PLACES[i % PLACES.length] as (typeof PLACES)[number];
  const municipalityId = p.municipalityIds[0];
  return municipalityId === undefined
    ? { districtId: p.districtId }
    : { districtId: p.districtId, municipalityId };
};

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}
export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    n: sorted.length,
  };
}
export const load1 = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
const PASSWORD = 'bench password';
const gzipBody = (text: string) => new Uint8Array(gzipSync(text));
const record = (runs: Record<string, number[]>, key: string, value: number) => {
  runs[key] = [...(runs[key] ?? []), value];
};

/** A fresh database on one engine, seeded, with the real app listening on it. */
interface BenchDatabase {
  engine: EngineName;
  store: Store;
  url: string;
  /** Runs SQL straight on the database (bulk fill, counts). */
  sql(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

let schemaCounter = 0;
export function freshSchemaName(): string {
  schemaCounter += 1;
  return `sedp_bench_${process.pid}_${Date.now().toString(36)}_${schemaCounter}`;
}

export async function openBenchDatabase(engine: EngineName): Promise<BenchDatabase> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sedp-bench-scale-'));
  let store: Store;
  let sql: BenchDatabase['sql'];
  let dispose: () => Promise<void>;
  if (engine === 'sqlite') {
    store = openSqliteStore(dir);
    const db = openSqliteDatabase(dir);
    sql = async (text, params = []) =>
      db.prepare(text).all(...(params as string[])) as Record<string, unknown>[];
    dispose = async () => db.close();
  } else {
    if (!benchDatabaseUrl) throw new Error('No PostgreSQL URL');
    const schema = freshSchemaName();
    const admin = new pg.Pool({ connectionString: benchDatabaseUrl, max: 1 });
    await admin.query(`CREATE SCHEMA ${schema}`);
    store = await openPostgresStore(benchDatabaseUrl, { schema });
    const direct = new pg.Pool({
      connectionString: benchDatabaseUrl,
      max: 1,
      options: `-c search_path=${schema}`,
    });
    sql = async (text, params = []) => (await direct.query(text, params)).rows;
    dispose = async () => {
      await direct.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    };
  }
  await seedReferenceData(store);
  await createAccount(store, { username: 'bench-admin', role: 'admin', password: PASSWORD });
  await createAccount(store, {
    username: 'bench-consultant',
    role: 'consultant',
    password: PASSWORD,
    districtIds: [PLACES[0]?.districtId ?? ''],
  });
  await createAccount(store, {
    username: 'bench-coordinator',
    role: 'coordinator',
    password: PASSWORD,
  });
  const app = createApp({ store, version: 'bench', dataDir: dir, fairUse: BENCH_FAIR_USE });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    engine,
    store,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sql,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await store.close();
      await dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function login(url: string, username: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * `n` lessons notes in the three districts, straight through SQL (revisions, then the
 * records they are the current version of), as pushes would have stored them.
 */
async function bulkFill(db: BenchDatabase, n: number): Promise<void> {
  const text = JSON.stringify(LESSONS_TEXT);
  const [p0, p1, p2] = PLACES as [(typeof PLACES)[0], (typeof PLACES)[0], (typeof PLACES)[0]];
  const body = (i: string, concat: (...parts: string[]) => string) =>
    `CASE ${i} % 3
       WHEN 0 THEN ${concat(`'{"districtId":"${p0.districtId}","municipalityId":"${p0.municipalityIds[0]}","text":'`, '$1', `',"title":"Lessons from hearing '`, `${i}`, `'"}'`)}
       WHEN 1 THEN ${concat(`'{"districtId":"${p1.districtId}","municipalityId":"${p1.municipalityIds[0]}","text":'`, '$1', `',"title":"Lessons from hearing '`, `${i}`, `'"}'`)}
       ELSE ${concat(`'{"districtId":"${p2.districtId}","text":'`, '$1', `',"title":"Lessons from hearing '`, `${i}`, `'"}'`)}
     END`;
  const now = new Date().toISOString();
  if (db.engine === 'sqlite') {
    const concat = (...parts: string[]) => parts.join(' || ');
    const sqliteBody = body('i', concat).replaceAll('$1', '?1');
    await db.sql('BEGIN');
    await db.sql(
      `WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < ?2)
       INSERT INTO revisions (record_id, type, body, deleted, updated_at, updated_by,
         schema_version, mutation_id, kind, user_id, device_id)
       SELECT lower(hex(randomblob(16))), 'lessons-note', ${sqliteBody}, 0, ?3,
         'bench-consultant', 1, lower(hex(randomblob(16))), 'applied', NULL, 'bench-fill'
       FROM g`,
      [text, n, now] as unknown[],
    );
    await db.sql(
      `INSERT INTO records (id, type, rev, district_id, deleted, updated_at, updated_by,
         schema_version, body)
       SELECT record_id, type, rev, json_extract(body, '$.districtId'), 0, updated_at,
         updated_by, schema_version, body
       FROM revisions WHERE device_id = 'bench-fill'`,
    );
    await db.sql('COMMIT');
  } else {
    const concat = (...parts: string[]) => parts.join(' || ');
    await db.sql(
      `INSERT INTO revisions (record_id, type, body, deleted, updated_at, updated_by,
         schema_version, mutation_id, kind, user_id, device_id)
       SELECT gen_random_uuid()::text, 'lessons-note', ${body('g', concat)},
         false, $3, 'bench-consultant', 1, gen_random_uuid()::text, 'applied', NULL, 'bench-fill'
       FROM generate_series(1, $2::int) AS g`,
      [text, n, now],
    );
    await db.sql(
      `INSERT INTO records (id, type, rev, district_id, deleted, updated_at, updated_by,
         schema_version, body)
       SELECT record_id, type, rev, body::json ->> 'districtId', false, updated_at,
         updated_by, schema_version, body
       FROM revisions WHERE device_id = 'bench-fill'`,
    );
    await db.sql('ANALYZE');
  }
}

/**
 * Pushes `count` new notes in gzip batches of `batch` (100: a device's first batches; 250:
 * the full ones it sends while answers are quick): mutations/s. With one device the batches
 * go one after another (each waits for the last one's reply: latency-bound); with several,
 * each device sends its share one after another, the devices at the same time (what a
 * server with many devices sees: one request's database work overlaps another's parsing).
 */
export async function ingestRun(
  db: BenchDatabase,
  token: string,
  count: number,
  devices = 1,
  batch = FIRST_PUSH_MUTATIONS,
): Promise<number> {
  const offset = Math.floor(Math.random() * 1e9);
  const mutations = await Promise.all(
    Array.from({ length: count }, (_, i) => lessonsNoteMutation(offset + i)),
  );
  const bodiesOf: Uint8Array<ArrayBuffer>[][] = Array.from({ length: devices }, () => []);
  for (let start = 0, i = 0; start < count; start += batch, i += 1) {
    const part = mutations.slice(start, start + batch);
    const device = i % devices;
    bodiesOf[device]?.push(
      gzipBody(
        JSON.stringify({ deviceId: `bench-device-${device}`, schemaVersion: 1, mutations: part }),
      ),
    );
  }
  const started = performance.now();
  let applied = 0;
  await Promise.all(
    bodiesOf.map(async (bodies) => {
      for (const body of bodies) {
        const response = await fetch(`${db.url}/api/sync/push`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            'content-encoding': 'gzip',
          },
          body,
        });
        if (response.status !== 200) throw new Error(`push answered ${response.status}`);
        const { results } = (await response.json()) as { results: MutationResult[] };
        applied += results.filter((result) => result.status === 'applied').length;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (applied !== count) throw new Error(`only ${applied} of ${count} applied`);
  return Math.round(count / seconds);
}

/** Devices pushing at once in the concurrent ingest figures. */
export const INGEST_DEVICES = 4;

/**
 * Devices and batch size of each ingest figure: one device in first batches, several at
 * once, and one device in full batches (what a device sends while answers are quick).
 */
const INGEST_SHAPES: [devices: number, batch: number][] = [
  [1, FIRST_PUSH_MUTATIONS],
  [INGEST_DEVICES, FIRST_PUSH_MUTATIONS],
  [1, MAX_PUSH_MUTATIONS],
];

/** The figure's name after the engine and size: '' for one device in first batches. */
export const shapeName = (devices: number, batch: number) =>
  `${devices > 1 ? ` ${devices} devices` : ''}${batch !== FIRST_PUSH_MUTATIONS ? ` batches of ${batch}` : ''}`;

export interface IngestFigures {
  /** mutations/s per engine and database size ("empty" | "200k"). */
  runs: Record<string, number[]>;
  loadAtStart: number;
}

export const FILLED = 200_000;

/**
 * Ingest of 10,000 notes, from one device and from INGEST_DEVICES at once: 3 runs per
 * engine and size after a warm-up, the engines interleaved. Empty runs each get a fresh
 * database (the warm-up's 2,000 notes in it); the filled database is filled once per
 * engine (and so grows by 10,000 per run), then used for the pull figures too.
 */
export async function benchIngestSideBySide(
  engines: EngineName[],
  runs = 3,
  n = 10_000,
): Promise<{ ingest: IngestFigures; filled: Map<EngineName, BenchDatabase> }> {
  const loadAtStart = load1();
  const result: Record<string, number[]> = {};
  const filled = new Map<EngineName, BenchDatabase>();
  for (const engine of engines) {
    const db = await openBenchDatabase(engine);
    await bulkFill(db, FILLED);
    filled.set(engine, db);
    // Warm-up on the filled database (its first pushes pay for cold pages).
    await ingestRun(db, await login(db.url, 'bench-consultant'), 2_000);
  }
  for (let run = 0; run < runs; run += 1) {
    for (const engine of engines) {
      for (const [devices, batch] of INGEST_SHAPES) {
        const empty = await openBenchDatabase(engine);
        try {
          const token = await login(empty.url, 'bench-consultant');
          await ingestRun(empty, token, 2_000); // warm-up: connections, plans, JIT
          const key = `${engine} empty${shapeName(devices, batch)}`;
          record(result, key, await ingestRun(empty, token, n, devices, batch));
        } finally {
          await empty.close();
        }
      }
      const db = filled.get(engine) as BenchDatabase;
      const token = await login(db.url, 'bench-consultant');
      record(result, `${engine} 200k`, await ingestRun(db, token, n));
      for (const [devices, batch] of INGEST_SHAPES.slice(1)) {
        const key = `${engine} 200k${shapeName(devices, batch)}`;
        record(result, key, await ingestRun(db, token, n, devices, batch));
      }
    }
  }
  return { ingest: { runs: result, loadAtStart }, filled };
}

/** Milliseconds for pull pages of 500 at random cursors in the deepest half of the database. */
export async function benchDeepPull(
  db: BenchDatabase,
  username: 'bench-coordinator' | 'bench-consultant',
  pages = 20,
): Promise<{ ms: number[]; loadAtStart: number; maxRev: number }> {
  const loadAtStart = load1();
  const token = await login(db.url, username);
  const [row] = await db.sql('SELECT max(rev) AS m FROM revisions');
  const maxRev = Number(row?.m);
  const ms: number[] = [];
  for (let i = -2; i < pages; i += 1) {
    const since = Math.floor(maxRev / 2 + Math.random() * (maxRev / 2 - 5_000));
    const started = performance.now();
    const response = await fetch(`${db.url}/api/sync/pull?since=${since}&limit=500`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
    });
    const page = (await response.json()) as PullResponse;
    const elapsed = performance.now() - started;
    if (response.status !== 200 || page.changes.length !== 500) {
      throw new Error(`pull answered ${response.status} with ${page.changes.length} records`);
    }
    if (i >= 0) ms.push(elapsed); // the first two are a warm-up
  }
  return { ms, loadAtStart, maxRev };
}

export async function closeBenchDatabase(db: BenchDatabase): Promise<void> {
  await db.close();
}

export interface LoadRunFigures {
  devices: number;
  mutations: number;
  mutationsPerSecond: number;
  pushMs: Spread & { p95: number };
  serverErrors: number;
  revisions: number;
  distinctMutations: number;
  pullChecksPassed: number;
  loadAtStart: number;
}

/**
 * 50 devices (each its own consultant, districts spread over three seeded ones) push 200
 * notes each in gzip batches of 100, all at once, alternating between two server processes
 * on one schema; then each pulls everything from the other process and must get exactly
 * the notes of its district.
 */
export async function benchLoadRun(devices = 50, perDevice = 200): Promise<LoadRunFigures> {
  if (!benchDatabaseUrl) throw new Error('No PostgreSQL URL');
  const loadAtStart = load1();
  const schema = freshSchemaName();
  const admin = new pg.Pool({ connectionString: benchDatabaseUrl, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dir = mkdtempSync(path.join(tmpdir(), 'sedp-bench-load-'));
  const servers: ReturnType<typeof runServer>[] = [];
  try {
    const store = await openPostgresStore(benchDatabaseUrl, { schema });
    try {
      await seedReferenceData(store);
      for (let d = 0; d < devices; d += 1) {
        await createAccount(store, {
          username: `load-device-${d}`,
          role: 'consultant',
          password: PASSWORD,
          districtIds: [place(d).districtId],
        });
      }
    } finally {
      await store.close();
    }
    const env = {
      DATABASE_URL: benchDatabaseUrl,
      SEDP_DB_SCHEMA: schema,
      PORT: '0',
      HOST: '127.0.0.1',
      SEDP_DATA_DIR: dir,
      // 50 devices sign in at once from one address here; in the field they come from many.
      SEDP_LOGIN_ADDRESS_FREE_ATTEMPTS: '100000',
    };
    servers.push(runServer(env), runServer(env));
    // The printed URL ends in a slash.
    const urls = (await Promise.all(servers.map((s) => s.url))).map((u) => u.replace(/\/$/, ''));
    const urlOf = (d: number) => urls[d % 2] as string;
    const otherUrlOf = (d: number) => urls[(d + 1) % 2] as string;

    const tokens = await Promise.all(
      Array.from({ length: devices }, (_, d) => login(urlOf(d), `load-device-${d}`)),
    );
    const idsOf: string[][] = [];
    const bodiesOf: Uint8Array<ArrayBuffer>[][] = [];
    for (let d = 0; d < devices; d += 1) {
      const mutations = await Promise.all(
        Array.from({ length: perDevice }, (_, i) =>
          lessonsNoteMutation(d * perDevice + i, place(d)),
        ),
      );
      idsOf.push(mutations.map((m) => m.id));
      const bodies: Uint8Array<ArrayBuffer>[] = [];
      for (let start = 0; start < perDevice; start += 100) {
        const batch = mutations.slice(start, start + 100);
        bodies.push(
          gzipBody(JSON.stringify({ deviceId: `load-${d}`, schemaVersion: 1, mutations: batch })),
        );
      }
      bodiesOf.push(bodies);
    }

    let serverErrors = 0;
    const pushMs: number[] = [];
    const started = performance.now();
    await Promise.all(
      bodiesOf.map(async (bodies, d) => {
        for (const body of bodies) {
          const t0 = performance.now();
          const response = await fetch(`${urlOf(d)}/api/sync/push`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${tokens[d]}`,
              'content-type': 'application/json',
              'content-encoding': 'gzip',
            },
            body,
          });
          const text = await response.text();
          pushMs.push(performance.now() - t0);
          if (response.status >= 500) serverErrors += 1;
          else if (response.status !== 200) throw new Error(`push ${response.status}: ${text}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    // Every device pulls from the other process: exactly its district's notes.
    let pullChecksPassed = 0;
    const problems: string[] = [];
    await Promise.all(
      tokens.map(async (token, d) => {
        // The device's token works on either process: sessions live in the database.
        const otherToken = token;
        const seen = new Map<string, number>();
        let since = 0;
        for (;;) {
          const response = await fetch(`${otherUrlOf(d)}/api/sync/pull?since=${since}&limit=500`, {
            headers: { authorization: `Bearer ${otherToken}` },
          });
          if (response.status >= 500) serverErrors += 1;
          const page = (await response.json()) as PullResponse;
          for (const change of page.changes) {
            if (change.type === 'lessons-note') seen.set(change.id, (seen.get(change.id) ?? 0) + 1);
          }
          since = page.cursor;
          if (!page.hasMore) break;
        }
        const expected = new Set<string>();
        for (let other = 0; other < devices; other += 1) {
          if (place(other).districtId === place(d).districtId) {
            for (const id of idsOf[other] ?? []) expected.add(id);
          }
        }
        const missing = [...expected].filter((id) => !seen.has(id)).length;
        const twice = [...seen.values()].filter((count) => count > 1).length;
        const foreign = [...seen.keys()].filter((id) => !expected.has(id)).length;
        if (missing + twice + foreign === 0) pullChecksPassed += 1;
        else problems.push(`device ${d}: ${missing} missing, ${twice} twice, ${foreign} foreign`);
      }),
    );
    const direct = new pg.Pool({
      connectionString: benchDatabaseUrl,
      max: 1,
      options: `-c search_path=${schema}`,
    });
    const counts = await direct.query(
      `SELECT count(*)::int AS revisions, count(DISTINCT mutation_id)::int AS mutations
       FROM revisions WHERE type = 'lessons-note' AND kind = 'applied'`,
    );
    await direct.end();
    if (problems.length > 0) console.error(`load run pull problems:\n${problems.join('\n')}`);
    const sorted = [...pushMs].sort((a, b) => a - b);
    return {
      devices,
      mutations: devices * perDevice,
      mutationsPerSecond: Math.round((devices * perDevice) / seconds),
      pushMs: { ...spread(pushMs), p95: sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN },
      serverErrors,
      revisions: counts.rows[0]?.revisions ?? 0,
      distinctMutations: counts.rows[0]?.mutations ?? 0,
      pullChecksPassed,
      loadAtStart,
    };
  } finally {
    for (const server of servers) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
