import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, recordRev, type SedpDatabase } from '../db/database.ts';
import { createRecordRepository, type RecordRepository } from '../db/record-repository.ts';
import { createSyncStore, sendingSeqs } from '../db/sync-store.ts';
import { bodyHash } from '../domain/hash.ts';
import type { OutboxEntry } from '../domain/record.ts';
import { createManualClock } from '../testing/manual-clock.ts';
import { createMemoryServer, type MemoryServer } from '../testing/memory-server.ts';
import { createSyncEngine, type SyncEngine } from './engine.ts';
import { createLocalLock, type SyncLock } from './lock.ts';
import { type Transport, TransportError } from './transport.ts';

let db: SedpDatabase;
let repo: RecordRepository;
let server: MemoryServer;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = createDatabase(`test-engine-${counter}`);
  repo = createRecordRepository({ db, author: () => 'aida' });
  server = createMemoryServer();
});
afterEach(async () => {
  await db.delete();
});

function engine(
  options: {
    lock?: SyncLock;
    clock?: ReturnType<typeof createManualClock>;
    random?: () => number;
    transport?: Transport;
    online?: () => boolean;
  } = {},
) {
  const clock = options.clock ?? createManualClock();
  const sync = createSyncEngine({
    store: createSyncStore(db),
    transport: options.transport ?? server.transport,
    lock: options.lock ?? createLocalLock(),
    deviceId: 'device-1',
    clock,
    random: options.random ?? (() => 0.5),
    ...(options.online ? { online: options.online } : {}),
  });
  return { sync, clock };
}

const note = (title: string, districtId = 'nooken') => ({
  districtId,
  title,
  text: `${title} `.repeat(20),
});

async function saveNotes(n: number) {
  const saved = [];
  for (let i = 0; i < n; i += 1) {
    saved.push(await repo.put({ type: 'lessons-note', body: note(`note ${i}`) }));
  }
  return saved;
}

describe('sync engine: push', () => {
  it('pushes the outbox in creation order, in batches of at most 100, and empties it', async () => {
    const saved = await saveNotes(150);
    const { sync } = engine();
    const outcome = await sync.syncNow();

    expect(outcome).toMatchObject({ kind: 'done', pushed: 150, conflicts: 0, parked: 0 });
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([100, 50]);
    expect(server.pushes.flatMap((p) => p.mutations.map((m) => m.id))).toEqual(
      saved.map((r) => r.id),
    );
    expect(await db.outbox.count()).toBe(0);
    expect(server.records.size).toBe(150);
    // Each local record now knows the revision the server gave it (kept beside it).
    expect(await recordRev(db, saved[0]?.id ?? '')).toBe(
      server.records.get(saved[0]?.id ?? '')?.rev,
    );
    expect(sync.status()).toMatchObject({ phase: 'idle', failures: 0 });
  });

  it('a reply lost after commit is retried with the same ids and stored once (duplicate)', async () => {
    await saveNotes(3);
    const before = (await db.outbox.toArray()).map((e) => e.mutationId);
    server.failNextPush('lose-reply');
    const { sync, clock } = engine();

    const first = await sync.syncNow();
    expect(first.kind).toBe('failed');
    expect(server.records.size).toBe(3); // delivered, but the device could not know
    expect((await db.outbox.toArray()).map((e) => e.mutationId)).toEqual(before);

    clock.advance(5 * 60_000); // the backoff timer fires
    await expect.poll(() => db.outbox.count()).toBe(0);
    expect(server.pushes[1]?.mutations.map((m) => m.mutationId)).toEqual(before);
    expect(server.history).toHaveLength(3); // nothing stored twice
  });

  it('backs off with full jitter from 2 s doubling to 5 min on network errors, timeouts and 500s', async () => {
    await saveNotes(1);
    server.failNextPush(
      ...Array<'server' | 'network' | 'timeout'>(5).fill('server'),
      'timeout',
      'network',
      'server',
      'server',
      'server',
    );
    const { sync } = engine({ random: () => 0.999 });
    const delays: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const outcome = await sync.syncNow();
      expect(outcome.kind).toBe('failed');
      const { nextAttemptAt } = sync.status();
      delays.push(Math.round(((nextAttemptAt ?? 0) - Date.UTC(2026, 10, 24, 9)) / 1000));
    }
    expect(delays).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
    expect(await db.outbox.count()).toBe(1);
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'pending', attempts: 10 });

    await sync.syncNow();
    expect(sync.status()).toMatchObject({ phase: 'idle', failures: 0, nextAttemptAt: null });
    expect(await db.outbox.count()).toBe(0);
  });

  it('parks a malformed record and goes on with the rest of the queue', async () => {
    await saveNotes(2);
    // The repository refuses such a body; one queued by an older build, or before the
    // schema grew stricter, can still be in the queue.
    const bad = await repo.put({ type: 'lessons-note', body: note('soon blank') });
    const malformed = { districtId: 'nooken', title: '', text: 'x' };
    await db.outbox
      .where('id')
      .equals(bad.id)
      .modify({ body: malformed, hash: await bodyHash(malformed) });
    await saveNotes(2);
    const { sync } = engine();
    const outcome = await sync.syncNow();

    expect(outcome).toMatchObject({ kind: 'done', pushed: 4, parked: 1 });
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: bad.id, state: 'parked' });
    expect(left[0]?.lastError).toMatch(/^invalid: .*\(title\)$/);
    expect(left[0]?.refusal).toEqual({ code: 'invalid', path: ['title'] });
    // Parked entries are not retried by themselves.
    await sync.syncNow();
    expect(server.pushes).toHaveLength(1);
  });

  it('on conflict keeps the local version, stores the server version beside it, overwrites nothing', async () => {
    const [mine] = await saveNotes(1);
    const id = mine?.id ?? '';
    const { sync } = engine();
    await sync.syncNow();
    // Someone else changes it on the server; meanwhile this device edits it too.
    const theirs = server.put({
      id,
      type: 'lessons-note',
      updatedAt: '',
      updatedBy: 'boss',
      deleted: false,
      schemaVersion: 1,
      body: note('theirs'),
    });
    await repo.put({ type: 'lessons-note', id, body: note('mine') });

    const outcome = await sync.syncNow();
    expect(outcome).toMatchObject({ kind: 'done', conflicts: 1 });
    expect((await db.records.get(id))?.body).toEqual(note('mine'));
    const conflict = await db.conflicts.get(id);
    expect(conflict?.local.body).toEqual(note('mine'));
    expect(conflict?.remote).toEqual(theirs);
    expect(await db.outbox.count()).toBe(0);
    expect(server.records.get(id)?.body).toEqual(note('theirs'));
    expect(server.history.filter((h) => h.id === id).map((h) => h.body.title)).toEqual([
      'note 0',
      'theirs',
      'mine',
    ]);
  });

  it('edits made while a push is on the way build on the revision it gets, without conflict', async () => {
    const [first] = await saveNotes(1);
    const id = first?.id ?? '';
    server.failNextPush('lose-reply');
    const { sync } = engine();
    await sync.syncNow(); // sent, reply lost: "maybe delivered"
    await repo.put({ type: 'lessons-note', id, body: note('second') });
    await repo.put({ type: 'lessons-note', id, body: note('third') });
    expect(await db.outbox.count()).toBe(2);

    const outcome = await sync.syncNow();
    expect(outcome).toMatchObject({ kind: 'done', pushed: 2, conflicts: 0 });
    expect(server.records.get(id)?.body).toEqual(note('third'));
    expect(await db.outbox.count()).toBe(0);
  });

  it('sends nothing while the device knows it is offline, so later edits fold into one change', async () => {
    let online = false;
    const { sync } = engine({ online: () => online });
    const saved = await repo.put({ type: 'lessons-note', body: note('first') });
    const offline = await sync.syncNow();
    expect(offline).toMatchObject({ kind: 'failed', error: { kind: 'network' } });
    expect(server.pushes).toHaveLength(0);
    await repo.put({ type: 'lessons-note', id: saved.id, body: note('second') });
    const queued = await db.outbox.toArray();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ attempts: 0, body: note('second') });

    online = true;
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 1 });
    expect(server.pushes.flatMap((p) => p.mutations)).toHaveLength(1);
    expect(server.records.get(saved.id)?.body).toEqual(note('second'));
  });

  it('waits for a new login after a 401, without retrying by itself', async () => {
    await saveNotes(1);
    server.failNextPush('auth');
    const { sync, clock } = engine();
    await sync.syncNow();
    expect(sync.status().phase).toBe('needs-login');
    expect(clock.pending()).toEqual([]);
    sync.request(0);
    expect(clock.pending()).toEqual([]);
    sync.resume();
    await sync.syncNow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps every unsynced change when the token has expired (401), and sends it after sign-in', async () => {
    await saveNotes(3);
    const kept = async () =>
      (await db.outbox.toArray()).map(({ mutationId, id, body, state }) => ({
        mutationId,
        id,
        body,
        state,
      }));
    const before = await kept();
    server.failNextPush('auth');
    const { sync } = engine();

    await sync.syncNow();

    expect(sync.status().phase).toBe('needs-login');
    expect(await kept()).toEqual(before);
    expect(before.map((entry) => entry.state)).toEqual(['pending', 'pending', 'pending']);
    expect(server.records.size).toBe(0);
    sync.resume();
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 3 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('parks a batch the server refuses as a whole (4xx)', async () => {
    await saveNotes(2);
    server.failNextPush('client');
    const { sync } = engine();
    const outcome = await sync.syncNow();
    expect(outcome).toMatchObject({ kind: 'done', parked: 2 });
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['parked', 'parked']);
  });
});

describe('sync engine: a crash while one batch is settled and the next is taken', () => {
  const request = (batch: OutboxEntry[]) => ({
    deviceId: 'device-1',
    schemaVersion: 1,
    mutations: batch.map(({ mutationId, type, id, op, baseRev, body, hash }) => ({
      mutationId,
      type,
      id,
      op,
      baseRev,
      body,
      hash,
    })),
  });

  it('after that transaction commits: the next batch goes out once, as it was; nothing is lost', async () => {
    const saved = await saveNotes(150);
    const store = createSyncStore(db);
    const first = await store.takeBatch(100);
    const { results } = await server.transport.push(request(first));
    const settled = await store.applyResults(first, results, { max: 100 });
    expect(settled.next?.map((e) => e.id)).toEqual(saved.slice(100).map((r) => r.id));
    expect([...(await sendingSeqs(db))]).toEqual(settled.next?.map((e) => e.seq));

    // The tab dies before the next batch is sent. A new one starts.
    const { sync } = engine();
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 50 });
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([100, 50]);
    expect(server.pushes[1]?.mutations.map((m) => m.mutationId)).toEqual(
      settled.next?.map((e) => e.mutationId),
    );
    expect(server.history).toHaveLength(150);
    expect(await db.outbox.count()).toBe(0);
    for (const record of saved) {
      expect(await recordRev(db, record.id)).toBe(server.records.get(record.id)?.rev);
    }
  });

  it('before it commits: none of it stays; the batch is sent again with the same ids and stored once', async () => {
    await saveNotes(150);
    const store = createSyncStore(db);
    const first = await store.takeBatch(100);
    const { results } = await server.transport.push(request(first));
    // The tab dies while the settling transaction runs (its last write fails).
    const dies = vi.spyOn(db.revBatches, 'add').mockRejectedValueOnce(new Error('the tab died'));
    await expect(store.applyResults(first, results, { max: 100 })).rejects.toThrow('the tab died');
    dies.mockRestore();
    expect(await db.outbox.count()).toBe(150);
    expect(await db.revBatches.count()).toBe(0);
    expect([...(await sendingSeqs(db))]).toEqual(first.map((e) => e.seq));

    const { sync } = engine();
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 150 });
    expect(server.pushes[1]?.mutations.map((m) => m.mutationId)).toEqual(
      first.map((e) => e.mutationId),
    );
    expect(server.history).toHaveLength(150); // the resent 100 answered `duplicate`
    expect(await db.outbox.count()).toBe(0);
  });

  it('later edits made while a batch is on its way survive the range delete and build on its revision', async () => {
    const saved = await saveNotes(5);
    const store = createSyncStore(db);
    const first = await store.takeBatch(100);
    const edited = saved[2]?.id ?? '';
    await repo.put({ type: 'lessons-note', id: edited, body: note('edited') });
    const { results } = await server.transport.push(request(first));
    const settled = await store.applyResults(first, results, { max: 100 });
    expect(settled.next?.map((e) => [e.id, e.baseRev, e.body.title])).toEqual([
      [edited, server.records.get(edited)?.rev, 'edited'],
    ]);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('sync engine: pull', () => {
  const serverNote = (i: number, deleted = false) => ({
    id: `0192f000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    type: 'lessons-note',
    updatedAt: '2026-11-24T00:00:00.000Z',
    updatedBy: 'other',
    deleted,
    schemaVersion: 1,
    body: note(`server ${i}`),
  });

  it('pulls every page, tombstones included, and stores the cursor', async () => {
    for (let i = 0; i < 1200; i += 1) server.put(serverNote(i));
    server.put(serverNote(5, true));
    const { sync } = engine();
    const outcome = await sync.syncNow();
    expect(outcome).toMatchObject({ kind: 'done', pulled: 1200 });
    expect(await db.records.count()).toBe(1200);
    expect((await db.records.get(serverNote(5).id))?.deleted).toBe(true);
    expect((await db.syncMeta.get('pullCursor'))?.value).toBe(1201);

    server.put(serverNote(7, true));
    expect(await sync.syncNow()).toMatchObject({ pulled: 1 });
  });

  it('never overwrites a local record that still has changes to push', async () => {
    const [mine] = await saveNotes(1);
    const id = mine?.id ?? '';
    server.put({ ...serverNote(1), id });
    server.failNextPush('network');
    const { sync } = engine();
    await sync.syncNow(); // push failed; nothing pulled over the pending record
    await createSyncStore(db).applyPullPage([{ ...serverNote(1), id, rev: 99 }], 99);
    expect((await db.records.get(id))?.body).toEqual(note('note 0'));
  });

  it('retries a failed pull with backoff and keeps the cursor', async () => {
    server.put(serverNote(1));
    server.failNextPull('server');
    const { sync, clock } = engine();
    expect((await sync.syncNow()).kind).toBe('failed');
    expect(await db.records.count()).toBe(0);
    clock.advance(5 * 60_000);
    await expect.poll(() => db.records.count()).toBe(1);
  });
});

describe('sync engine: one tab at a time', () => {
  it('two engines sharing one lock never sync together', async () => {
    await saveNotes(5);
    const lock = createLocalLock();
    const a = engine({ lock }).sync;
    const b = engine({ lock }).sync;
    const [ra, rb] = await Promise.all([a.syncNow(), b.syncNow()]);
    expect([ra.kind, rb.kind].sort()).toEqual(['busy', 'done']);
    expect(server.pushes).toHaveLength(1);
    expect(server.records.size).toBe(5);
  });

  it('a tab that found the lock taken syncs when the holder lets go, with no other trigger', async () => {
    await saveNotes(3);
    const lock = createLocalLock();
    // Another tab is mid-sync (its reply held back): it holds the lock.
    let closeOtherTab = () => {};
    const otherTab = lock.tryRun(() => new Promise<void>((r) => (closeOtherTab = r)));
    const { sync, clock } = engine({ lock });

    expect((await sync.syncNow()).kind).toBe('busy');
    expect(sync.status().phase).toBe('idle');
    clock.advance(60_000);
    expect(server.pushes).toHaveLength(0);

    closeOtherTab();
    await otherTab;
    await expect.poll(() => clock.pending()).toContain(0);
    clock.advance(0);
    await expect.poll(() => db.outbox.count()).toBe(0);
    expect(server.records.size).toBe(3);
  });

  it('waits for the holder once, however often it finds the lock taken', async () => {
    await saveNotes(1);
    const lock = createLocalLock();
    let release = () => {};
    const otherTab = lock.tryRun(() => new Promise<void>((r) => (release = r)));
    const { sync, clock } = engine({ lock });
    for (let i = 0; i < 5; i += 1) expect((await sync.syncNow()).kind).toBe('busy');
    release();
    await otherTab;
    await expect.poll(() => clock.pending()).toEqual([0]);
    clock.advance(0);
    await expect.poll(() => db.outbox.count()).toBe(0);
    expect(server.pushes).toHaveLength(1);
  });

  it('a request while syncing runs once more afterwards', async () => {
    await saveNotes(1);
    const { sync, clock } = engine();
    const running = sync.syncNow();
    await repo.put({ type: 'lessons-note', body: note('late') });
    void sync.syncNow();
    await running;
    clock.advance(0);
    await expect.poll(() => db.outbox.count()).toBe(0);
    expect(server.records.size).toBe(2);
  });
});

describe('sync engine: attachments', () => {
  it('uploads blobs before the records, skipping what the server has', async () => {
    const { createBlobRepository } = await import('../db/blob-repository.ts');
    const { createMemoryBlobs } = await import('../testing/memory-server.ts');
    const blobRepo = createBlobRepository(db);
    const photo = await blobRepo.save(
      new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
    );
    const again = await blobRepo.save(
      new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }),
    );
    expect(again).toBe(photo);
    const loaded = await blobRepo.load(photo);
    expect(loaded?.type).toBe('image/jpeg');
    expect([...new Uint8Array(await (loaded as Blob).arrayBuffer())]).toEqual([1, 2, 3]);
    const scan = await blobRepo.save(new Blob([new Uint8Array([9])], { type: 'image/png' }));
    await saveNotes(1);
    const blobs = createMemoryBlobs();
    blobs.stored.set(scan, new Blob([new Uint8Array([9])]));
    const order: string[] = [];
    const transport = {
      push: async (r: Parameters<typeof server.transport.push>[0]) => {
        order.push('push');
        return server.transport.push(r);
      },
      pull: server.transport.pull,
    };
    const sync = createSyncEngine({
      store: createSyncStore(db),
      transport,
      blobs: {
        hasBlob: blobs.transport.hasBlob,
        putBlob: async (sha, data) => {
          order.push('blob');
          await blobs.transport.putBlob(sha, data);
        },
      },
      lock: createLocalLock(),
      deviceId: 'd',
      clock: createManualClock(),
    });
    await sync.syncNow();
    expect(order).toEqual(['blob', 'push']);
    expect(blobs.calls.filter((c) => c.startsWith('HEAD'))).toHaveLength(2);
    expect(blobs.calls.filter((c) => c.startsWith('PUT'))).toEqual([`PUT ${photo.slice(0, 8)}`]);
    expect([...new Uint8Array(await (blobs.stored.get(photo) as Blob).arrayBuffer())]).toEqual([
      1, 2, 3,
    ]);
    expect(await db.blobs.where('uploaded').equals(0).count()).toBe(0);
  });
});

/**
 * An older server that checks every envelope of a batch at once: a batch holding a
 * poisoned change gets a 400 naming it, like `pushRequestSchema` did.
 */
function strictServer(poisoned: Set<string>): Transport & { requests: string[][] } {
  const requests: string[][] = [];
  return {
    requests,
    pull: server.transport.pull,
    async push(request) {
      requests.push(request.mutations.map((m) => m.id));
      const index = request.mutations.findIndex((m) => poisoned.has(m.id));
      if (index >= 0) {
        throw new TransportError('client', 'invalid: Invalid UUID', 400, {
          path: ['mutations', index, 'id'],
        });
      }
      return server.transport.push(request);
    },
  };
}

describe('sync engine: a photo the server refuses', () => {
  it('is set aside with the reason; the records behind it still go, and it can be tried again', async () => {
    const { createBlobRepository } = await import('../db/blob-repository.ts');
    const blobRepo = createBlobRepository(db);
    const photo = await blobRepo.save(new Blob([new Uint8Array([4, 5])], { type: 'image/heic' }));
    await saveNotes(3);
    let refuse = true;
    const sent: string[] = [];
    const sync = createSyncEngine({
      store: createSyncStore(db),
      transport: server.transport,
      blobs: {
        hasBlob: async () => false,
        putBlob: async (sha) => {
          if (refuse) {
            throw new TransportError('client', 'unsupported_media_type: image/heic', 415, {
              code: 'unsupported_media_type',
            });
          }
          sent.push(sha);
        },
      },
      lock: createLocalLock(),
      deviceId: 'd',
      clock: createManualClock(),
    });
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 3 });
    expect(await db.blobs.get(photo)).toMatchObject({
      uploaded: 2,
      refusal: 'unsupported_media_type: image/heic',
    });
    // Not tried again by itself…
    expect(await sync.syncNow()).toMatchObject({ kind: 'done' });
    expect(sent).toEqual([]);
    // …until the user asks.
    const { createOutboxActions } = await import('../db/outbox-actions.ts');
    await createOutboxActions(db).retryBlob(photo);
    refuse = false;
    await sync.syncNow();
    expect(sent).toEqual([photo]);
    expect(await db.blobs.get(photo)).toMatchObject({ uploaded: 1 });
  });
});

describe('sync engine: a batch refused as a whole (400) is split to find the bad change', () => {
  it('parks only the poisoned change, with the field the server named; the other 99 are applied', async () => {
    const saved = await saveNotes(100);
    const bad = saved[61]?.id ?? '';
    const transport = strictServer(new Set([bad]));
    const { sync } = engine({ transport });

    const outcome = await sync.syncNow();

    expect(outcome).toMatchObject({ kind: 'done', pushed: 99, parked: 1 });
    const left = await db.outbox.toArray();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({
      id: bad,
      state: 'parked',
      lastError: 'invalid: Invalid UUID (id)',
      refusal: { code: 'invalid', path: ['id'] },
    });
    expect(server.records.size).toBe(99);
    expect(server.history).toHaveLength(99);
    expect(server.records.has(bad)).toBe(false);
    // Halving: the whole batch, then two halves at each of 7 levels, at most.
    expect(transport.requests.length).toBeLessThanOrEqual(15);
    // Each change reached the server once; order kept.
    expect(server.pushes.flatMap((p) => p.mutations.map((m) => m.id))).toEqual(
      saved.map((r) => r.id).filter((id) => id !== bad),
    );
    expect((await db.syncMeta.get('sendingSeqs'))?.value ?? []).toEqual([]);
  });

  it('a batch of one that gets a 400 is parked', async () => {
    const [only] = await saveNotes(1);
    const { sync } = engine({ transport: strictServer(new Set([only?.id ?? ''])) });
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 0, parked: 1 });
    expect((await db.outbox.toArray())[0]).toMatchObject({ state: 'parked' });
  });

  it('a network failure half-way through the split keeps the rest pending; the retry stores nothing twice', async () => {
    const saved = await saveNotes(100);
    const bad = saved[80]?.id ?? '';
    const transport = strictServer(new Set([bad]));
    // The first half (no poison) is stored, then its reply is lost.
    server.failNextPush('lose-reply');
    const { sync } = engine({ transport });

    expect((await sync.syncNow()).kind).toBe('failed');
    expect(server.records.size).toBe(50);
    const pending = await db.outbox.toArray();
    expect(pending.map((e) => [e.state, e.attempts])).toEqual(Array(100).fill(['pending', 1]));
    expect((await db.syncMeta.get('sendingSeqs'))?.value ?? []).toEqual([]);

    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 99, parked: 1 });
    expect(server.records.size).toBe(99);
    expect(server.history).toHaveLength(99); // the first half came back as duplicates
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([bad]);
  });

  it('other whole-batch refusals (403) still park the batch without splitting', async () => {
    await saveNotes(4);
    const requests: number[] = [];
    const transport: Transport = {
      pull: server.transport.pull,
      async push(request) {
        requests.push(request.mutations.length);
        throw new TransportError('client', 'forbidden: account disabled', 403);
      },
    };
    const { sync } = engine({ transport });
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', parked: 4 });
    expect(requests).toEqual([4]);
  });
});

/** Lets the engine's async work run, until no cycle is under way. */
async function quiet(sync: SyncEngine) {
  do {
    await new Promise((resolve) => setTimeout(resolve, 1));
  } while (sync.status().phase === 'syncing');
}

/** Moves the manual clock forward `ms`, timer by timer, letting each one's work finish. */
async function runFor(sync: SyncEngine, clock: ReturnType<typeof createManualClock>, ms: number) {
  const end = clock.now() + ms;
  for (;;) {
    await quiet(sync);
    const next = Math.min(...clock.pending());
    if (!Number.isFinite(next) || clock.now() + next > end) break;
    clock.advance(Math.max(0, next));
  }
  clock.advance(end - clock.now());
  await quiet(sync);
}

/** The transport of the memory server, noting when (manual clock) each push was tried. */
function timedTransport(clock: ReturnType<typeof createManualClock>) {
  const attempts: number[] = [];
  const transport: Transport = {
    pull: server.transport.pull,
    health: server.transport.health,
    push(request) {
      attempts.push(clock.now());
      return server.transport.push(request);
    },
  };
  return { transport, attempts };
}

describe('sync engine: retry timing', () => {
  it('a routine request while a backoff waits does not bring the attempt forward', async () => {
    await saveNotes(1);
    server.failNextPush('server', 'server', 'server', 'server');
    const clock = createManualClock();
    const { transport, attempts } = timedTransport(clock);
    const { sync } = engine({ clock, transport, random: () => 0.999 });
    for (let i = 0; i < 3; i += 1) await sync.syncNow();
    const waiting = sync.status();
    expect(waiting).toMatchObject({ phase: 'retrying', failures: 3 });
    const due = waiting.nextAttemptAt;

    sync.request(0); // the tab became visible, another tab asked
    sync.request(2_000); // a local write
    expect(sync.status().nextAttemptAt).toBe(due);
    expect(clock.pending()).toEqual([(due ?? 0) - clock.now()]);
    await runFor(sync, clock, 5_000);
    expect(attempts).toHaveLength(3);

    // A request that arrives during the failing attempt does not re-run it afterwards.
    await runFor(sync, clock, 3_000); // the backoff (8 s) is up: attempt 4 starts
    expect(attempts).toHaveLength(4);
    expect(sync.status()).toMatchObject({ phase: 'retrying', failures: 4 });
    expect((sync.status().nextAttemptAt ?? 0) - (attempts[3] ?? 0)).toBe(15_984);
  });

  it('a routine trigger joining a failing attempt leaves the backoff; an explicit one retries at once', async () => {
    await saveNotes(1);
    server.failNextPush('server', 'server');
    const clock = createManualClock();
    const { transport, attempts } = timedTransport(clock);
    const { sync } = engine({ clock, transport, random: () => 0.999 });

    const first = sync.syncNow();
    sync.request(0);
    clock.advance(0); // the request's timer fires during the attempt: it joins it
    await first;
    await quiet(sync);
    expect(attempts).toHaveLength(1);
    expect(clock.pending()).toEqual([1_998]); // the backoff, not 0

    // The network comes back (`online`) while an attempt is failing: once more, at once.
    clock.advance(1_998);
    expect(sync.status().phase).toBe('syncing');
    void sync.syncNow();
    await runFor(sync, clock, 0);
    expect(attempts).toHaveLength(3);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a backoff attempt that finds another tab syncing waits again instead of stopping', async () => {
    await saveNotes(1);
    server.failNextPush('server');
    const lock = createLocalLock();
    const clock = createManualClock();
    const { sync } = engine({ clock, lock, random: () => 0.999 });
    await sync.syncNow();
    expect(sync.status()).toMatchObject({ phase: 'retrying', failures: 1 });

    // Another tab holds the lock when the backoff timer fires.
    let release = () => {};
    const held = lock.tryRun(() => new Promise<void>((resolve) => (release = resolve)));
    clock.advance(1_998);
    await quiet(sync);
    expect(sync.status().phase).toBe('retrying');
    expect(clock.pending()).toEqual([1_998]);
    release();
    await held;

    await runFor(sync, clock, 2_000);
    expect(await db.outbox.count()).toBe(0);
  });

  it('after one lost reply, with the server up, the health probe has it in sync within 15 s', async () => {
    await saveNotes(3);
    // Some bad hours earlier (5xx) left a long backoff; then a reply is lost after commit.
    server.failNextPush('server', 'server', 'server', 'server', 'lose-reply');
    const clock = createManualClock();
    const { transport, attempts } = timedTransport(clock);
    const { sync } = engine({ clock, transport, random: () => 0.999 });
    for (let i = 0; i < 4; i += 1) await sync.syncNow();
    expect(sync.status().failures).toBe(4);

    expect((await sync.syncNow()).kind).toBe('failed');
    const lostAt = clock.now();
    expect(server.records.size).toBe(3); // stored, the answer never came
    const backoff = (sync.status().nextAttemptAt ?? 0) - lostAt;
    expect(backoff).toBeGreaterThan(30_000);

    await runFor(sync, clock, 15_000);

    expect(await db.outbox.count()).toBe(0);
    expect(server.healthChecks()).toBeGreaterThan(0);
    const retriedAt = attempts[5] ?? Number.POSITIVE_INFINITY;
    expect(retriedAt - lostAt).toBeLessThanOrEqual(15_000);
    expect(server.history).toHaveLength(3); // the retry was a duplicate
    expect(sync.status()).toMatchObject({ phase: 'idle', failures: 0, nextAttemptAt: null });
  });

  it('a server that stays down is tried less and less often; when it is back, the probe finds it', async () => {
    await saveNotes(1);
    server.setDown(true);
    const clock = createManualClock();
    const { transport, attempts } = timedTransport(clock);
    const { sync } = engine({ clock, transport, random: () => 0.999 });

    const start = clock.now();
    await sync.syncNow();
    await runFor(sync, clock, 10 * 60_000);

    const gaps = attempts.slice(1).map((at, i) => Math.round((at - (attempts[i] ?? 0)) / 1000));
    expect(gaps.length).toBeGreaterThan(5);
    for (let i = 1; i < gaps.length; i += 1) {
      expect(gaps[i] ?? 0).toBeGreaterThanOrEqual(gaps[i - 1] ?? 0);
    }
    expect(gaps.at(-1)).toBeGreaterThanOrEqual(128);
    expect(attempts.length).toBeLessThan(12);
    expect(server.pushes).toHaveLength(0);
    // Probes go on, spaced out to at most 30 s apart.
    expect(server.healthChecks()).toBeLessThan((10 * 60_000) / 15_000 + 10);
    expect(start).toBeLessThan(clock.now());

    server.setDown(false);
    await runFor(sync, clock, 30_000);
    expect(await db.outbox.count()).toBe(0);
  });
});
