/**
 * Sync of N queued hearing-sized records (about 1.3 KB of JSON each) from a device store to the real
 * server over loopback, end to end: the engine pushes the outbox in batches of 100 and
 * pulls the changes back, against Hono + durable SQLite (WAL, synchronous=FULL) in a
 * temporary directory. The device store is Dexie over fake-indexeddb (in memory), as in
 * the unit tests; a browser's IndexedDB is measured by the end-to-end journeys instead.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { createDatabase } from '../../src/db/database.ts';
import { createRecordRepository } from '../../src/db/record-repository.ts';
import { createSyncStore } from '../../src/db/sync-store.ts';
import { canonicalJson } from '../../src/domain/canonical-json.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { createLocalLock } from '../../src/sync/lock.ts';
import { BENCH_FAIR_USE } from './bench-fair-use.ts';

const NOOKEN = TERRITORY_SEED.find((t) => t.code === 'nooken')?.id ?? 'nooken';

export interface DeviceSyncFigures {
  n: number;
  seconds: number;
  /**
   * Bytes the pushes sent, divided by what gzip makes of the same batches' records as JSON
   * (each push against the JSON array of the records it carried, gzip level 6): above 1
   * when the request carries more than the records or compresses worse than gzip would.
   */
  wireRatio: number;
}

const WORDS = (
  'жаштар аялдар эркектер сунуш кеңеш угуу бюджет мектеп суу жол көпүрө оорукана бала бакча ' +
  'спорт аянтча жарык таза ичүүчү сугат канал мал чарбасы жайыт айыл өкмөтү депутат катышуучу ' +
  'молодежь женщины предложение бюджет школа дорога вода мост больница детский сад освещение ' +
  'пастбище орошение мигранты пожилые инвалидность доступность протокол решение принято отклонено'
).split(' ');

/** A note of about 1.3 KB of JSON with varied words (seeded), so compression is not flattered. */
function hearingSizedNote(i: number) {
  let seed = (i + 1) * 2654435761;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  let text = '';
  while (text.length < 650) text += `${WORDS[next() % WORDS.length]} ${next() % 1000} `;
  return { districtId: NOOKEN, title: `Коомдук угуу №${i}: сунуштар`, text };
}

export async function benchDeviceSync(
  n = 1000,
): Promise<DeviceSyncFigures & { recordBytes: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sedp-bench-sync-'));
  const store = openSqliteStore(path.join(dir, 'data'));
  // District records must name a real district: the seeded territories.
  await seedReferenceData(store);
  const app = createApp({
    store,
    version: 'bench',
    dataDir: path.join(dir, 'data'),
    fairUse: BENCH_FAIR_USE,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = createDatabase(`bench-${Date.now()}`);
  try {
    await createAccount(store, {
      username: 'bench',
      displayName: 'Bench',
      role: 'consultant',
      password: 'bench-password-1',
      districtIds: [NOOKEN],
    });
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench', password: 'bench-password-1' }),
    });
    const { token } = (await login.json()) as { token: string };

    const repo = createRecordRepository({ db, author: () => 'bench' });
    const saved = new Map<string, unknown>();
    let jsonTotal = 0;
    for (let i = 0; i < n; i += 1) {
      const record = await repo.put({
        type: 'lessons-note',
        body: hearingSizedNote(i),
      });
      saved.set(record.id, record);
      jsonTotal += Buffer.byteLength(canonicalJson(record));
    }

    // Each push as sent (compared with gzip after the clock has stopped).
    const pushes: { raw: Buffer; gzipped: boolean }[] = [];
    const countingFetch: typeof fetch = (input, init) => {
      if (String(input).includes('/api/sync/push')) {
        const body = init?.body;
        pushes.push({
          raw:
            typeof body === 'string' || body instanceof Uint8Array
              ? Buffer.from(body)
              : Buffer.alloc(0),
          gzipped: new Headers(init?.headers).get('content-encoding') === 'gzip',
        });
      }
      return fetch(input, init);
    };
    const engine = createSyncEngine({
      store: createSyncStore(db),
      transport: createHttpTransport({ baseUrl: url, getToken: () => token, fetch: countingFetch }),
      lock: createLocalLock(),
      deviceId: 'bench-device',
    });
    const started = performance.now();
    const outcome = await engine.syncNow();
    const seconds = (performance.now() - started) / 1000;
    engine.dispose();
    if (outcome.kind !== 'done' || outcome.pushed !== n) {
      throw new Error(`sync did not complete: ${JSON.stringify(outcome)}`);
    }
    if ((await db.outbox.count()) !== 0) throw new Error('outbox not empty after sync');
    // The bytes on the wire, and gzip of the JSON of the records each push carried.
    let sent = 0;
    let gzipTotal = 0;
    for (const { raw, gzipped } of pushes) {
      sent += raw.byteLength;
      const request = JSON.parse((gzipped ? gunzipSync(raw) : raw).toString('utf8')) as {
        mutations: { id: string }[];
      };
      const records = request.mutations.map((m) => saved.get(m.id));
      gzipTotal += gzipSync(JSON.stringify(records)).byteLength;
    }
    return { n, seconds, wireRatio: sent / gzipTotal, recordBytes: jsonTotal / n };
  } finally {
    await db.delete();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
