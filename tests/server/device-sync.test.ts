/**
 * The device's sync engine against the real server over HTTP, with faults: Dexie over
 * fake-indexeddb on the device side, Hono + SQLite on a temporary file on the other.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase, type SedpDatabase } from '../../src/db/database.ts';
import { createRecordRepository } from '../../src/db/record-repository.ts';
import { createSyncStore } from '../../src/db/sync-store.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { createLocalLock } from '../../src/sync/lock.ts';
import {
  client,
  freshServer,
  makeTempDir,
  note,
  removeDir,
  SEEDED,
  signedInUser,
  startTestServer,
  territoryId,
} from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let dbCount = 0;
function device(options: {
  baseUrl: () => string;
  token: () => string;
  fetch?: typeof fetch;
  random?: () => number;
}) {
  dbCount += 1;
  const db: SedpDatabase = createDatabase(`device-sync-${process.pid}-${dbCount}`);
  cleanups.push(() => db.delete());
  const repo = createRecordRepository({ db, author: () => 'aida' });
  const engine = createSyncEngine({
    store: createSyncStore(db),
    transport: createHttpTransport({
      getToken: options.token,
      // The base URL is read per request, so a restarted server on a new port is found.
      fetch: (input, init) => (options.fetch ?? fetch)(`${options.baseUrl()}${input}`, init),
    }),
    lock: createLocalLock(),
    deviceId: `device-${dbCount}`,
    random: options.random ?? (() => 0),
  });
  cleanups.push(async () => engine.dispose());
  return { db, repo, engine };
}

/** Ids of the notes the user can pull (the seeded reference data left out). */
async function notesOnServer(api: {
  get: (p: string) => Promise<{
    body: { changes: { id: string; type: string }[]; hasMore: boolean; cursor: number };
  }>;
}) {
  const ids: string[] = [];
  let since = 0;
  for (;;) {
    const page = (await api.get(`/api/sync/pull?since=${since}`)).body;
    ids.push(...page.changes.filter((c) => c.type === 'lessons-note').map((c) => c.id));
    since = page.cursor;
    if (!page.hasMore) return ids;
  }
}

describe('device sync against the real server', () => {
  it('carries records to colleagues of the district, and only to them', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const bakyt = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const ainura = await signedInUser(server, 'consultant', [territoryId('aksy')]);
    const phone = device({ baseUrl: () => server.url, token: () => aida.token });
    for (let i = 0; i < 250; i += 1) {
      await phone.repo.put({
        type: 'lessons-note',
        body: note(territoryId('nooken'), `note ${i}`),
      });
    }
    expect(await phone.engine.syncNow()).toMatchObject({ kind: 'done', pushed: 250, parked: 0 });
    expect(await phone.db.outbox.count()).toBe(0);

    const colleague = device({ baseUrl: () => server.url, token: () => bakyt.token });
    // The district's notes and the reference data (seeded territories) everyone gets.
    expect(await colleague.engine.syncNow()).toMatchObject({
      kind: 'done',
      pulled: 250 + SEEDED,
    });
    expect(await colleague.db.records.where('type').equals('lessons-note').count()).toBe(250);
    expect(await colleague.db.records.count()).toBe(250 + SEEDED);

    const elsewhere = device({ baseUrl: () => server.url, token: () => ainura.token });
    expect(await elsewhere.engine.syncNow()).toMatchObject({ kind: 'done', pulled: SEEDED });
  });

  it('a reply lost after the server committed is retried and stored once', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    let dropNextReply = true;
    const lossy: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('/push') && dropNextReply) {
        dropNextReply = false;
        await response.arrayBuffer(); // the server finished; the phone never hears it
        throw new TypeError('network connection lost');
      }
      return response;
    };
    const phone = device({ baseUrl: () => server.url, token: () => aida.token, fetch: lossy });
    for (let i = 0; i < 30; i += 1) {
      await phone.repo.put({
        type: 'lessons-note',
        body: note(territoryId('nooken'), `n${i}`),
      });
    }
    expect((await phone.engine.syncNow()).kind).toBe('failed');
    expect(phone.engine.status().phase).toBe('retrying');
    expect(await phone.db.outbox.count()).toBe(30);

    expect(await phone.engine.syncNow()).toMatchObject({ kind: 'done', pushed: 30 });
    const ids = await notesOnServer(aida.api);
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
  });

  it('after a reply lost after commit (the connection hangs), is in sync within 15 s though the backoff is long', {
    timeout: 60_000,
  }, async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    let pushes = 0;
    let lostAt = 0;
    const flaky: typeof fetch = async (input, init) => {
      if (!String(input).includes('/push')) return fetch(input, init);
      pushes += 1;
      // A bad hour first: the server answers 503, so the backoff has grown long.
      if (pushes <= 4) {
        const body = JSON.stringify({ error: 'unavailable', message: 'busy' });
        return new Response(body, { status: 503 });
      }
      const response = await fetch(input, init);
      if (pushes > 5) return response;
      // The server committed; the answer never arrives and the connection hangs
      // until the phone gives up waiting.
      await response.arrayBuffer();
      lostAt = Date.now();
      const signal = init?.signal;
      return new Promise<Response>((_, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    };
    const phone = device({
      baseUrl: () => server.url,
      token: () => aida.token,
      fetch: flaky,
      random: () => 0.999,
    });
    for (let i = 0; i < 3; i += 1) {
      await phone.repo.put({
        type: 'lessons-note',
        body: note(territoryId('nooken'), `n${i}`),
      });
    }
    for (let i = 0; i < 4; i += 1) expect((await phone.engine.syncNow()).kind).toBe('failed');
    expect(phone.engine.status().failures).toBe(4);

    const lost = await phone.engine.syncNow();
    expect(lost).toMatchObject({ kind: 'failed', error: { kind: 'timeout' } });
    const failedAt = Date.now();
    const backoff = (phone.engine.status().nextAttemptAt ?? 0) - failedAt;
    expect(backoff).toBeGreaterThan(20_000);
    expect(await notesOnServer(aida.api)).toHaveLength(3); // delivered, the phone can't know

    // No "Sync now": the health probe finds the server and the retry comes at once.
    const budget = 15_000 - (failedAt - lostAt);
    await expect.poll(() => phone.db.outbox.count(), { timeout: budget, interval: 200 }).toBe(0);
    expect(pushes).toBe(6);
    expect(await notesOnServer(aida.api)).toHaveLength(3); // stored once
  });

  it('keeps everything while the server is down or restarting, then delivers it', async () => {
    const dir = makeTempDir();
    cleanups.push(async () => removeDir(dir));
    let server = await startTestServer({ dataDir: `${dir}/data` });
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    let url = server.url;
    const phone = device({ baseUrl: () => url, token: () => aida.token });
    await phone.repo.put({
      type: 'lessons-note',
      body: note(territoryId('nooken'), 'before'),
    });
    await phone.engine.syncNow();

    await server.close(); // the district office's server goes down
    await phone.repo.put({
      type: 'lessons-note',
      body: note(territoryId('nooken'), 'while down'),
    });
    const failed = await phone.engine.syncNow();
    expect(failed).toMatchObject({ kind: 'failed', error: { kind: 'network' } });
    expect(await phone.db.outbox.count()).toBe(1);

    server = await startTestServer({ dataDir: `${dir}/data` }); // same data, new process
    cleanups.push(() => server.close());
    url = server.url;
    expect(await phone.engine.syncNow()).toMatchObject({ kind: 'done', pushed: 1 });
    expect(await notesOnServer(client(server.url, aida.token))).toHaveLength(2);
  });

  it('parks a record the server refuses and delivers the rest of the queue', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const phone = device({ baseUrl: () => server.url, token: () => aida.token });
    await phone.repo.put({
      type: 'lessons-note',
      body: note(territoryId('nooken'), 'ok 1'),
    });
    const outside = await phone.repo.put({
      type: 'lessons-note',
      body: note(territoryId('aksy'), 'not my district'),
    });
    await phone.repo.put({
      type: 'lessons-note',
      body: note(territoryId('nooken'), 'ok 2'),
    });

    expect(await phone.engine.syncNow()).toMatchObject({ kind: 'done', pushed: 2, parked: 1 });
    const [parked] = await phone.db.outbox.toArray();
    expect(parked).toMatchObject({ id: outside.id, state: 'parked' });
    expect(parked?.lastError).toMatch(/^forbidden/);
  });

  it('a conflict from a colleague keeps both versions, nothing overwritten', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const bakyt = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const mine = device({ baseUrl: () => server.url, token: () => aida.token });
    const theirs = device({ baseUrl: () => server.url, token: () => bakyt.token });
    const created = await mine.repo.put({
      type: 'lessons-note',
      body: note(territoryId('nooken'), 'v1'),
    });
    await mine.engine.syncNow();
    await theirs.engine.syncNow();
    await theirs.repo.put({
      type: 'lessons-note',
      id: created.id,
      body: note(territoryId('nooken'), 'bakyt'),
    });
    await mine.repo.put({
      type: 'lessons-note',
      id: created.id,
      body: note(territoryId('nooken'), 'aida'),
    });
    await theirs.engine.syncNow();

    expect(await mine.engine.syncNow()).toMatchObject({ kind: 'done', conflicts: 1 });
    const conflict = await mine.db.conflicts.get(created.id);
    expect(conflict?.local.body.title).toBe('aida');
    expect(conflict?.remote.body.title).toBe('bakyt');
    expect((await mine.db.records.get(created.id))?.body.title).toBe('aida');
  });

  it('a revoked sign-in stops sync until the user signs in again', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const phone = device({ baseUrl: () => server.url, token: () => aida.token });
    await phone.repo.put({
      type: 'lessons-note',
      body: note(territoryId('nooken'), 'x'),
    });
    await aida.api.post('/api/auth/logout');
    expect((await phone.engine.syncNow()).kind).toBe('failed');
    expect(phone.engine.status().phase).toBe('needs-login');
    expect(await phone.db.outbox.count()).toBe(1);
  });
});
