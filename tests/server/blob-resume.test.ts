/**
 * A large photo uploaded by the device's real sync engine and HTTP transport through a
 * TCP proxy that cuts the connection three times, against the real server: the upload
 * resumes from the server's offset each time and the blob is stored once, intact.
 */
import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { partialDir } from '../../server/blobs/partial-uploads.ts';
import { createBlobRepository } from '../../src/db/blob-repository.ts';
import { createDatabase } from '../../src/db/database.ts';
import { createRecordRepository } from '../../src/db/record-repository.ts';
import { createSyncStore } from '../../src/db/sync-store.ts';
import { UPLOAD_CHUNK_BYTES } from '../../src/domain/blob-upload.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { createLocalLock } from '../../src/sync/lock.ts';
import { createManualClock } from '../../src/testing/manual-clock.ts';
import { freshServer, note, signedInUser, territoryId } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Cut = 'mid-request' | 'lost-answer';

/**
 * Forwards TCP to the server and cuts the connection as planned: `mid-request` after
 * `after` more bytes towards the server (the server never gets the whole chunk);
 * `lost-answer` once `after` more bytes went up, when the server's answer comes back
 * (the server stored the chunk, the device never hears so).
 */
async function cuttingProxy(target: string, plan: { cut: Cut; after: number }[]) {
  const { hostname, port } = new URL(target);
  const done: Cut[] = [];
  let sinceLastCut = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    let answerDoomed = false;
    let dead = false;
    const cut = (kind: Cut) => {
      dead = true;
      done.push(kind);
      sinceLastCut = 0;
    };
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (data: Buffer) => {
      if (dead) return;
      const next = plan[done.length];
      if (next?.cut === 'mid-request' && sinceLastCut + data.length > next.after) {
        cut('mid-request');
        upstream.write(data.subarray(0, next.after - sinceLastCut), drop);
        return;
      }
      sinceLastCut += data.length;
      if (next?.cut === 'lost-answer' && sinceLastCut > next.after) answerDoomed = true;
      upstream.write(data);
    });
    upstream.on('data', (data: Buffer) => {
      if (dead) return;
      if (!answerDoomed) {
        client.write(data);
        return;
      }
      cut('lost-answer');
      drop();
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${address.port}`, done };
}

interface Attempt {
  start: number;
  end: number;
  ok: boolean;
}

/** The device's pieces over one IndexedDB database: opening them again is a reload. */
function openDevice(name: string, baseUrl: string, token: string, attempts: Attempt[]) {
  const db = createDatabase(name);
  const transport = createHttpTransport({
    baseUrl,
    getToken: () => token,
    fetch: async (input, init) => {
      if (init?.method !== 'PATCH') return fetch(input, init);
      const range = new Headers(init.headers).get('content-range') ?? '';
      const [, start, end] = /^bytes (\d+)-(\d+)\//.exec(range) ?? [];
      const attempt = { start: Number(start), end: Number(end) + 1, ok: false };
      attempts.push(attempt);
      const response = await fetch(input, init);
      attempt.ok = response.ok;
      return response;
    },
  });
  const engine = createSyncEngine({
    store: createSyncStore(db),
    transport,
    blobs: transport,
    lock: createLocalLock(),
    deviceId: name,
    clock: createManualClock(),
    random: () => 0,
  });
  return {
    db,
    engine,
    close: async () => {
      engine.dispose();
      db.close();
    },
  };
}

describe('resumable blob upload over a link that drops', { timeout: 120_000 }, () => {
  it('survives three drops and a reload, sending stored bytes only once', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const chunk = UPLOAD_CHUNK_BYTES;
    const proxy = await cuttingProxy(server.url, [
      { cut: 'mid-request', after: chunk / 2 },
      { cut: 'lost-answer', after: chunk + chunk / 2 },
      { cut: 'mid-request', after: chunk / 3 },
    ]);
    const scan = randomBytes(4 * chunk + 12_345);
    const name = createHash('sha256').update(scan).digest('hex');
    const attempts: Attempt[] = [];
    const dbName = `blob-resume-${process.pid}`;

    let device = openDevice(dbName, proxy.url, aida.token, attempts);
    cleanups.push(() => createDatabase(dbName).delete());
    const saved = await createBlobRepository(device.db).save(
      new Blob([scan], { type: 'image/jpeg' }),
    );
    expect(saved).toBe(name);
    await createRecordRepository({ db: device.db, author: () => 'aida' }).put({
      type: 'lessons-note',
      body: { ...note(territoryId('nooken')), text: `Signed sheet: ${name}` },
    });

    const outcomes: string[] = [];
    for (let cycle = 0; cycle < 8; cycle += 1) {
      const outcome = await device.engine.syncNow();
      outcomes.push(outcome.kind === 'failed' ? outcome.error.kind : outcome.kind);
      if (outcome.kind === 'done') break;
      // No record reaches the server before the blob it names.
      expect((await aida.api.get('/api/sync/pull?since=0')).body.changes).not.toContainEqual(
        expect.objectContaining({ type: 'lessons-note' }),
      );
      if (proxy.done.length === 2) {
        // The tab is reloaded between two attempts: only the server knows the offset.
        await device.close();
        device = openDevice(dbName, proxy.url, aida.token, attempts);
      }
    }
    cleanups.push(() => device.close());

    expect(proxy.done).toEqual(['mid-request', 'lost-answer', 'mid-request']);
    // Each drop is a network error for the engine's backoff, as any other failed request.
    expect(outcomes).toEqual(['network', 'network', 'network', 'done']);

    // Stored once, intact, and the partial is gone.
    const file = path.join(server.dataDir, 'blobs', name.slice(0, 2), name.slice(2, 4), name);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(name);
    const dir = partialDir(server.dataDir);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    const sqlite = new DatabaseSync(path.join(server.dataDir, 'sedp.sqlite'), { readOnly: true });
    cleanups.push(async () => sqlite.close());
    expect(sqlite.prepare('SELECT sha256, size FROM blobs').all()).toEqual([
      { sha256: name, size: scan.length },
    ]);
    expect(await device.db.blobs.where('uploaded').equals(0).count()).toBe(0);
    const notes = (await aida.api.get('/api/sync/pull?since=0')).body.changes.filter(
      (change: { type: string }) => change.type === 'lessons-note',
    );
    expect(notes).toHaveLength(1);

    // Every chunk starts where the server's copy ended: the failed ones at the same place
    // as their retry, except the one whose answer was lost, which the server had stored.
    const failed = attempts.filter((attempt) => !attempt.ok);
    expect(failed).toHaveLength(3);
    let stored = 0;
    for (const attempt of attempts) {
      expect(attempt.start).toBe(stored);
      const lostAnswer = attempt === failed[1];
      if (attempt.ok || lostAnswer) stored = attempt.end;
    }
    expect(stored).toBe(scan.length);
    // Bytes sent: the scan once, plus the two chunks cut before they arrived.
    const sent = attempts.reduce((sum, attempt) => sum + attempt.end - attempt.start, 0);
    const cutShort = [failed[0], failed[2]].reduce(
      (sum, attempt) => sum + (attempt ? attempt.end - attempt.start : 0),
      0,
    );
    expect(sent).toBe(scan.length + cutShort);
    expect(cutShort).toBeLessThanOrEqual(2 * chunk);
  });

  it('sends a photo up to 256 KB in one PUT, and a larger one in chunks', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const { token } = await signedInUser(server, 'consultant');
    const methods: string[] = [];
    const transport = createHttpTransport({
      baseUrl: server.url,
      getToken: () => token,
      fetch: (input, init) => {
        methods.push(
          `${init?.method ?? 'GET'} ${String(input).endsWith('/upload') ? 'upload' : 'blob'}`,
        );
        return fetch(input, init);
      },
    });
    for (const size of [UPLOAD_CHUNK_BYTES, UPLOAD_CHUNK_BYTES + 1]) {
      const bytes = randomBytes(size);
      const name = createHash('sha256').update(bytes).digest('hex');
      await transport.putBlob(name, new Blob([bytes], { type: 'image/jpeg' }));
      expect(await transport.hasBlob(name)).toBe(true);
    }
    expect(methods).toEqual([
      'PUT blob',
      'HEAD blob',
      'GET upload',
      'PATCH blob',
      'PATCH blob',
      'HEAD blob',
    ]);
  });
});
