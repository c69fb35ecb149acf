import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type SedpDatabase } from '../db/database.ts';
import { createSyncStore } from '../db/sync-store.ts';
import { newHearing } from '../domain/hearing.ts';
import { MAX_PULL_LIMIT } from '../domain/sync-limits.ts';
import { createManualClock } from '../testing/manual-clock.ts';
import { createMemoryServer, type MemoryServer } from '../testing/memory-server.ts';
import { createSyncEngine } from './engine.ts';
import { createLocalLock } from './lock.ts';
import { type Transport, TransportError } from './transport.ts';

/** A pull page, as the engine asks for them. */
const PAGE = MAX_PULL_LIMIT;

let db: SedpDatabase;
let server: MemoryServer;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = createDatabase(`test-download-${counter}`);
  server = createMemoryServer();
});
afterEach(async () => {
  await db.delete();
});

/** `n` hearings on the server, as a coordinator's device would find them on its first sync. */
function serverHearings(n: number) {
  for (let i = 0; i < n; i += 1) {
    server.put({
      id: `hearing-${String(i).padStart(5, '0')}`,
      type: 'hearing',
      updatedAt: '2026-05-04T10:00:00.000Z',
      updatedBy: 'coordinator',
      deleted: false,
      schemaVersion: 1,
      body: {
        ...newHearing({ districtId: 'nooken', municipalityId: 'kochkor-ata' }, new Date()),
        venue: `Hall ${i}`,
      },
    });
  }
}

/** The memory server, with its connection cut before the answer to pull number `cutAt` (1-based). */
function cutTransport(cutAt: number): Transport {
  let pulls = 0;
  return {
    push: (request) => server.transport.push(request),
    pull(since, limit, options) {
      pulls += 1;
      if (pulls === cutAt) {
        return Promise.reject(new TransportError('network', 'The connection dropped'));
      }
      return server.transport.pull(since, limit, options);
    },
  };
}

function engine(transport: Transport) {
  return createSyncEngine({
    store: createSyncStore(db),
    transport,
    lock: createLocalLock(),
    deviceId: 'device-1',
    clock: createManualClock(),
    random: () => 0.5,
  });
}

describe('first download', () => {
  it('goes on from its last stored page after an interruption: nothing missing, nothing twice', async () => {
    serverHearings(2.5 * PAGE);
    const first = engine(cutTransport(3));
    const seen: (number | null)[] = [];
    first.subscribe((status) => seen.push(status.download ? status.download.received : null));
    expect(await first.syncNow()).toMatchObject({ kind: 'failed' });

    // Two pages are stored, with the cursor and the progress of the download.
    expect(await db.records.count()).toBe(2 * PAGE);
    const store = createSyncStore(db);
    const afterCut = await store.downloadProgress();
    expect(afterCut).toMatchObject({ received: 2 * PAGE, total: 2.5 * PAGE });
    expect(afterCut?.bytes).toBeGreaterThan(0);
    expect(await store.cursor()).toBe(2 * PAGE);
    expect(seen.filter((v) => v !== null)).toEqual([PAGE, 2 * PAGE]);
    expect(first.status().download).toBeNull();
    first.dispose();

    // A new start (the tab was closed) continues from there.
    const again = engine(server.transport);
    const progress: { received: number; total: number }[] = [];
    again.subscribe((status) => {
      if (status.download) progress.push(status.download);
    });
    expect(await again.syncNow()).toMatchObject({ kind: 'done', pulled: PAGE / 2 });
    expect(server.pulls.map((p) => p.since)).toEqual([0, PAGE, 2 * PAGE]);
    expect(server.pulls.reduce((sum, p) => sum + p.count, 0)).toBe(2.5 * PAGE);

    const ids = (await db.records.toCollection().primaryKeys()).sort();
    expect(ids).toHaveLength(2.5 * PAGE);
    expect(ids[0]).toBe('hearing-00000');
    expect(ids.at(-1)).toBe(`hearing-${String(2.5 * PAGE - 1).padStart(5, '0')}`);
    expect(await db.listRows.count()).toBe(2.5 * PAGE);
    expect(await store.downloadProgress()).toBeUndefined();
    expect(again.status().download).toBeNull();
    // The last page ends the download: no progress is shown for it.
    expect(progress).toEqual([]);
    again.dispose();
  });

  it('shows records received of the total while a download of several pages runs', async () => {
    serverHearings(2.2 * PAGE);
    const sync = engine(server.transport);
    const progress: { received: number; total: number; bytes: number }[] = [];
    sync.subscribe((status) => {
      if (status.download) progress.push(status.download);
    });
    await sync.syncNow();
    expect(progress.map(({ received, total }) => [received, total])).toEqual([
      [PAGE, 2.2 * PAGE],
      [2 * PAGE, 2.2 * PAGE],
    ]);
    expect(progress[1]?.bytes).toBeGreaterThan(progress[0]?.bytes ?? Number.POSITIVE_INFINITY);
    expect(sync.status().download).toBeNull();
    sync.dispose();
  });

  it('starts counting again when the cursor is reset (new districts)', async () => {
    serverHearings(2.5 * PAGE);
    const first = engine(cutTransport(3));
    await first.syncNow();
    first.dispose();
    const store = createSyncStore(db);
    await store.resetCursor();
    expect(await store.downloadProgress()).toBeUndefined();
    expect(await store.cursor()).toBe(0);
  });

  it('shows no progress for a pull of one page', async () => {
    serverHearings(20);
    const sync = engine(server.transport);
    const shown: unknown[] = [];
    sync.subscribe((status) => {
      if (status.download) shown.push(status.download);
    });
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pulled: 20 });
    expect(shown).toEqual([]);
    expect(await createSyncStore(db).downloadProgress()).toBeUndefined();
    sync.dispose();
  });
});
