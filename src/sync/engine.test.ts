import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDatabase, recordRev, type SedpDatabase } from '../db/database.ts';
import { createRecordRepository, type RecordRepository } from '../db/record-repository.ts';
import { createSyncStore, type SyncStore, sendingSeqs } from '../db/sync-store.ts';
import { bodyHash } from '../domain/hash.ts';
import { pushRequestOf, type StoredOutboxEntry } from '../domain/outbox-entry.ts';
import type { OutboxEntry } from '../domain/record.ts';
import { FAST_PUSH_MS } from '../domain/sync-limits.ts';
import type { PushRequest, PushResponse } from '../domain/sync-protocol.ts';
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
    store?: SyncStore;
  } = {},
) {
  const clock = options.clock ?? createManualClock();
  const sync = createSyncEngine({
    store: options.store ?? createSyncStore(db),
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

/** A batch as the engine sends it. */
const request = (batch: OutboxEntry[]) => pushRequestOf('device-1', batch);

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

/** A promise the test settles when it chooses. */
function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Things that happen one after another; the test awaits the next when it needs it. */
function arrivals<T>() {
  const arrived: T[] = [];
  const waiting: ((item: T) => void)[] = [];
  return {
    add(item: T) {
      const waiter = waiting.shift();
      if (waiter) waiter(item);
      else arrived.push(item);
    },
    next(): Promise<T> {
      if (arrived.length > 0) return Promise.resolve(arrived.shift() as T);
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

/** The key of a batch (or a request): its mutation ids, in order. */
const keyOf = (mutations: readonly { mutationId: string }[]) =>
  mutations.map((m) => m.mutationId).join(' ');

/**
 * Which pushes are in flight: a batch is from its request until it is settled on the
 * device (its answer written, its entries gone or kept). Notes the most at once, and any
 * record two batches in flight had at the same time.
 */
function flights() {
  const open = new Map<string, Set<string>>();
  const shared: string[] = [];
  let most = 0;
  return {
    sent(request: PushRequest) {
      const ids = new Set(request.mutations.map((m) => m.id));
      for (const other of open.values()) shared.push(...[...ids].filter((id) => other.has(id)));
      open.set(keyOf(request.mutations), ids);
      most = Math.max(most, open.size);
    },
    settled(batch: readonly StoredOutboxEntry[]) {
      open.delete(keyOf(batch));
    },
    /** The batches in flight now, as their record ids. */
    open: () => [...open.values()],
    most: () => most,
    shared,
  };
}

/**
 * The device's sync store as the engine uses it, telling the test each batch it takes (the
 * batch a settling transaction takes too), noting what it settles, and holding the next
 * take of a batch behind one in flight when the test asks.
 */
function watchedStore(flight?: ReturnType<typeof flights>) {
  const store = createSyncStore(db);
  const taken = arrivals<StoredOutboxEntry[]>();
  let gate: Promise<void> | undefined;
  const watched: SyncStore = {
    ...store,
    async takeBatch(max, maxBytes, inFlight) {
      if (inFlight && gate) {
        const held = gate;
        gate = undefined;
        await held;
      }
      const batch = await store.takeBatch(max, maxBytes, inFlight);
      taken.add(batch);
      return batch;
    },
    async applyResults(batch, results, next) {
      const summary = await store.applyResults(batch, results, next);
      flight?.settled(batch);
      if (summary.next) taken.add(summary.next);
      return summary;
    },
  };
  return {
    store: watched,
    taken: taken.next,
    /** The next batch taken behind one in flight waits until the function returned is called. */
    holdTake() {
      const opened = deferred<void>();
      gate = opened.promise;
      return () => opened.resolve();
    },
  };
}

interface Arrival {
  request: PushRequest;
  /** Hands the request to the server and its answer (or its fault) to the device. */
  answer(): Promise<void>;
  /** The request gets no answer: the network failed. */
  fail(error?: TransportError): void;
}

/** The memory server's transport, each push held until the test answers it (or fails it). */
function heldTransport(flight?: ReturnType<typeof flights>) {
  const pushes = arrivals<Arrival>();
  let passing = false;
  const transport: Transport = {
    pull: server.transport.pull,
    push(request) {
      flight?.sent(request);
      if (passing) return server.transport.push(request);
      const reply = deferred<PushResponse>();
      pushes.add({
        request,
        async answer() {
          try {
            reply.resolve(await server.transport.push(request));
          } catch (error) {
            reply.reject(error);
          }
        },
        fail(error = new TransportError('network', 'no network')) {
          reply.reject(error);
        },
      });
      return reply.promise;
    },
  };
  return {
    transport,
    arrival: pushes.next,
    /** From now on every push goes straight to the server. */
    passThrough() {
      passing = true;
    },
  };
}

const seqsOf = (batch: readonly StoredOutboxEntry[]) => batch.map((e) => e.seq);
const idsOf = (batch: readonly { id: string }[]) => batch.map((e) => e.id);

/** The outbox entries of these seqs as they stand (undefined: gone). */
async function entries(batch: readonly StoredOutboxEntry[]) {
  return db.outbox.bulkGet(seqsOf(batch));
}

/** A new tab's engine, noting the attempts each batch's entries have when the first push goes. */
function restarted(batches: StoredOutboxEntry[][]) {
  const counted: number[][] = [];
  const { sync } = engine({
    transport: {
      pull: server.transport.pull,
      async push(request) {
        if (counted.length === 0) {
          for (const batch of batches) {
            counted.push((await entries(batch)).map((e) => e?.attempts ?? -1));
          }
        }
        return server.transport.push(request);
      },
    },
  });
  return { sync, counted };
}

describe('sync engine: two batches at a time', () => {
  it('sends full batches while the server answers quickly, and small ones after a slow answer', async () => {
    await saveNotes(1_000);
    const clock = createManualClock();
    let slow = false;
    const transport: Transport = {
      pull: server.transport.pull,
      async push(request) {
        const answer = await server.transport.push(request);
        if (slow) clock.advance(FAST_PUSH_MS + 1); // a poor link: the answer takes its time
        return answer;
      },
    };
    const { sync } = engine({ clock, transport });
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 1_000 });
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([100, 100, 250, 250, 250, 50]);

    server.pushes.length = 0;
    await saveNotes(450);
    slow = true;
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 450 });
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([100, 100, 100, 100, 50]);
  });

  it('keeps at most two batches in flight, never two with the same record; each change arrives once', async () => {
    await saveNotes(350);
    const flight = flights();
    const { store } = watchedStore(flight);
    let waiting = 0;
    let mostWaiting = 0;
    const transport: Transport = {
      pull: server.transport.pull,
      async push(request) {
        flight.sent(request);
        waiting += 1;
        mostWaiting = Math.max(mostWaiting, waiting);
        try {
          return await server.transport.push(request);
        } finally {
          waiting -= 1;
        }
      },
    };
    const { sync } = engine({ store, transport });

    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 350, conflicts: 0 });

    // Two at once: the next batch is sent before the one before it is settled; one
    // request waits for its answer at a time.
    expect(flight.most()).toBe(2);
    expect(mostWaiting).toBe(1);
    expect(flight.shared).toEqual([]);
    expect(flight.open()).toEqual([]);
    // The first two are taken before any answer; the server answered at once, so the rest
    // go in one full batch.
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([100, 100, 150]);
    expect(server.history).toHaveLength(350);
    expect(await db.outbox.count()).toBe(0);
    expect(await sendingSeqs(db)).toEqual(new Set());
  });

  /** The one request that carried this record's edit, and the revision the server gave its first version. */
  function editSent(id: string) {
    const requests = server.pushes.filter((p) => p.mutations.some((m) => m.id === id));
    expect(requests).toHaveLength(2);
    const firstRev = server.history.find((h) => h.id === id)?.rev;
    const edit = requests[1]?.mutations.find((m) => m.id === id);
    return { edit, firstRev, index: server.pushes.indexOf(requests[1] as PushRequest) };
  }

  it('an edit made while its record is in the batch on its way waits for that batch, and builds on its revision', async () => {
    const saved = await saveNotes(150);
    const edited = saved[40]?.id ?? ''; // in the first batch
    const flight = flights();
    const { store, taken, holdTake } = watchedStore(flight);
    const held = heldTransport(flight);
    const { sync } = engine({ store, transport: held.transport });
    // The second batch is taken only after the edit is stored: it must leave the edit out.
    const openTake = holdTake();

    const outcome = sync.syncNow();
    const first = await held.arrival();
    expect(first.request.mutations.map((m) => m.id)).toContain(edited);
    await repo.put({ type: 'lessons-note', id: edited, body: note('edited') });
    openTake();
    await taken(); // the first batch
    const second = await taken();
    expect(idsOf(second)).toEqual(idsOf(saved.slice(100)));
    held.passThrough();
    await first.answer();

    expect(await outcome).toMatchObject({ kind: 'done', pushed: 151, conflicts: 0 });
    const { edit, firstRev, index } = editSent(edited);
    expect(index).toBe(2); // in the batch taken when the first was settled
    expect(edit?.baseRev).toBe(firstRev);
    expect(edit?.body).toEqual(note('edited'));
    expect(flight.shared).toEqual([]);
    expect(server.records.get(edited)?.body).toEqual(note('edited'));
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(server.history).toHaveLength(151);
  });

  it('an edit of a record in the batch taken behind the one on its way is left out of the batch taken next', async () => {
    const saved = await saveNotes(250);
    const edited = saved[150]?.id ?? ''; // in the second batch
    const flight = flights();
    const { store, taken } = watchedStore(flight);
    const held = heldTransport(flight);
    const { sync } = engine({ store, transport: held.transport });

    const outcome = sync.syncNow();
    const first = await held.arrival();
    await taken(); // the first batch
    const second = await taken(); // taken (marked as sent) while the first is on its way
    expect(idsOf(second)).toContain(edited);
    await repo.put({ type: 'lessons-note', id: edited, body: note('edited') });
    expect(await db.outbox.count()).toBe(251); // a change of its own: the one taken may be on the server
    held.passThrough();
    await first.answer();
    // Settling the first batch takes the third, while the second is on its way.
    const third = await taken();
    expect(idsOf(third)).not.toContain(edited);

    expect(await outcome).toMatchObject({ kind: 'done', pushed: 251, conflicts: 0 });
    const { edit, firstRev, index } = editSent(edited);
    expect(index).toBe(3); // after the second batch was answered
    expect(edit?.baseRev).toBe(firstRev);
    expect(flight.shared).toEqual([]);
    expect(server.records.get(edited)?.body).toEqual(note('edited'));
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('a batch that gets no answer keeps its error and attempt; the one taken behind it is as if never taken', async () => {
    const saved = await saveNotes(250);
    const { store, taken } = watchedStore();
    const held = heldTransport();
    const { sync } = engine({ store, transport: held.transport });

    const outcome = sync.syncNow();
    const first = await held.arrival();
    const [k, next] = [await taken(), await taken()];
    expect(next).toHaveLength(100);
    first.fail();

    expect(await outcome).toMatchObject({ kind: 'failed', error: { kind: 'network' } });
    for (const entry of await entries(k)) {
      expect(entry).toMatchObject({ state: 'pending', attempts: 1, lastError: 'no network' });
    }
    for (const entry of await entries(next)) {
      expect(entry).toMatchObject({ state: 'pending', attempts: 0, lastError: null });
    }
    expect(await sendingSeqs(db)).toEqual(new Set());
    // Never sent: a later edit still folds into it instead of queueing a change of its own.
    const record = saved[120]?.id ?? '';
    await repo.put({ type: 'lessons-note', id: record, body: note('edited') });
    expect(await db.outbox.count()).toBe(250);

    held.passThrough();
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 250 });
    expect(server.history).toHaveLength(250);
    expect(server.records.get(record)?.body).toEqual(note('edited'));
    expect(await db.outbox.count()).toBe(0);
  });

  it('when the second batch gets no answer, the first is still settled and the second stays queued with the error', async () => {
    await saveNotes(350);
    const { store, taken } = watchedStore();
    const held = heldTransport();
    const { sync } = engine({ store, transport: held.transport });

    const outcome = sync.syncNow();
    const first = await held.arrival();
    await first.answer();
    const second = await held.arrival(); // sent as soon as the first was answered
    second.fail();

    expect(await outcome).toMatchObject({ kind: 'failed', error: { kind: 'network' } });
    const [k, next, after] = [await taken(), await taken(), await taken()];
    expect(keyOf(second.request.mutations)).toBe(keyOf(next));
    expect(await entries(k)).toEqual(k.map(() => undefined)); // settled: gone
    for (const entry of await entries(next)) {
      expect(entry).toMatchObject({ state: 'pending', attempts: 1, lastError: 'no network' });
    }
    for (const entry of await entries(after)) {
      expect(entry).toMatchObject({ state: 'pending', attempts: 0, lastError: null });
    }
    expect(await sendingSeqs(db)).toEqual(new Set());
    expect(await db.outbox.count()).toBe(250);

    held.passThrough();
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 250 });
    expect(server.history).toHaveLength(350);
    expect(new Set(server.history.map((h) => h.id)).size).toBe(350);
    expect(await db.outbox.count()).toBe(0);
  });

  it('when settling a batch fails while the next is on its way, the next stays marked as sent and is resent as a duplicate', async () => {
    await saveNotes(250);
    const { store, taken } = watchedStore();
    const held = heldTransport();
    const { sync } = engine({ store, transport: held.transport });

    const outcome = sync.syncNow();
    const first = await held.arrival();
    await first.answer();
    const second = await held.arrival();
    // Settling the first batch fails at its last write, while the second is on its way.
    const fails = vi.spyOn(db.revBatches, 'add').mockRejectedValueOnce(new Error('disk full'));
    await second.answer(); // delivered: the server stores it

    expect(await outcome).toMatchObject({ kind: 'failed', error: { message: 'disk full' } });
    fails.mockRestore();
    const [k, next] = [await taken(), await taken()];
    for (const entry of await entries(k)) {
      expect(entry).toMatchObject({ state: 'pending', attempts: 1, lastError: 'disk full' });
    }
    // Maybe delivered (it was): never rewritten, its attempt counted by the next push.
    expect(await sendingSeqs(db)).toEqual(new Set(seqsOf(next)));
    expect(server.history).toHaveLength(200);

    // The next push (here a new tab's) counts its attempt and sends it again.
    const { sync: again, counted } = restarted([next]);
    expect(await again.syncNow()).toMatchObject({ kind: 'done', pushed: 250 });
    expect(counted).toEqual([next.map(() => 1)]);
    const resent = server.pushes.slice(2).map((p) => keyOf(p.mutations));
    expect(resent).toContain(keyOf(k));
    expect(resent).toContain(keyOf(next));
    expect(server.history).toHaveLength(250); // the resent 200 answered `duplicate`
    expect(await db.outbox.count()).toBe(0);
  });

  it('a batch refused as a whole is parked; the one taken behind it still goes and is applied', async () => {
    const saved = await saveNotes(250);
    const { store, taken } = watchedStore();
    const held = heldTransport();
    const { sync } = engine({ store, transport: held.transport });
    server.failNextPush('client');

    const outcome = sync.syncNow();
    const first = await held.arrival();
    const [k, next] = [await taken(), await taken()]; // the second taken before the refusal
    held.passThrough();
    await first.answer();

    expect(await outcome).toMatchObject({ kind: 'done', pushed: 150, parked: 100 });
    expect(server.pushes.map((p) => keyOf(p.mutations)).slice(0, 2)).toEqual([
      keyOf(k),
      keyOf(next),
    ]);
    const left = await db.outbox.toArray();
    expect(left.map((e) => [e.id, e.state])).toEqual(
      saved.slice(0, 100).map((r) => [r.id, 'parked']),
    );
    expect(server.history).toHaveLength(150);
    expect(server.records.has(saved[99]?.id ?? '')).toBe(false);
    expect(server.records.has(saved[100]?.id ?? '')).toBe(true);
    expect(await sendingSeqs(db)).toEqual(new Set());
  });

  it('a batch refused with a 400 is split and settled part by part before the batch taken behind it goes', async () => {
    const saved = await saveNotes(250);
    const bad = saved[30]?.id ?? '';
    const transport = strictServer(new Set([bad]));
    const { sync } = engine({ transport });

    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 249, parked: 1 });
    const firstIds = new Set(idsOf(saved.slice(0, 100)));
    const parts = transport.requests.filter((ids) => ids.every((id) => firstIds.has(id)));
    // The whole first batch, then its parts, then the rest: nothing of it mixed with the rest.
    expect(transport.requests.slice(0, parts.length)).toEqual(parts);
    expect(transport.requests.slice(parts.length)).toEqual([
      idsOf(saved.slice(100, 200)),
      idsOf(saved.slice(200)),
    ]);
    expect((await db.outbox.toArray()).map((e) => [e.id, e.state])).toEqual([[bad, 'parked']]);
    expect(server.history).toHaveLength(249);
    expect(await sendingSeqs(db)).toEqual(new Set());
  });
});

describe('sync engine: a crash while one batch is on its way and the next is taken', () => {
  it('after the taking transaction commits: both batches count one attempt and are resent; each change is stored once', async () => {
    const saved = await saveNotes(250);
    const store = createSyncStore(db);
    const k = await store.takeBatch(100);
    const delivering = server.transport.push(request(k));
    const next = await store.takeBatch(100, undefined, k);
    await delivering; // the server stored the first batch; its answer never arrives
    expect(idsOf(next)).toEqual(idsOf(saved.slice(100, 200)));
    expect(await sendingSeqs(db)).toEqual(new Set([...seqsOf(k), ...seqsOf(next)]));

    // The tab dies. A new one starts.
    const rest = (await db.outbox.toArray()).filter((e) => e.seq > (next.at(-1)?.seq ?? 0));
    const { sync, counted } = restarted([k, next, rest]);
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 250 });
    expect(counted).toEqual([k.map(() => 1), next.map(() => 1), rest.map(() => 0)]);
    expect(server.pushes.slice(1, 3).map((p) => keyOf(p.mutations))).toEqual([
      keyOf(k),
      keyOf(next),
    ]);
    expect(server.history).toHaveLength(250); // the first batch resent: `duplicate`
    expect(await db.outbox.count()).toBe(0);
    expect(await sendingSeqs(db)).toEqual(new Set());
  });

  it('before it commits: the batch on its way stays marked, the next is not; nothing is lost or stored twice', async () => {
    await saveNotes(250);
    const store = createSyncStore(db);
    const k = await store.takeBatch(100);
    const delivering = server.transport.push(request(k));
    // The tab dies while the next batch is taken (its write of the mark fails).
    const dies = vi.spyOn(db.syncMeta, 'put').mockRejectedValueOnce(new Error('the tab died'));
    await expect(store.takeBatch(100, undefined, k)).rejects.toThrow('the tab died');
    dies.mockRestore();
    await delivering;
    expect(await sendingSeqs(db)).toEqual(new Set(seqsOf(k)));

    const rest = (await db.outbox.toArray()).filter((e) => e.seq > (k.at(-1)?.seq ?? 0));
    const { sync, counted } = restarted([k, rest]);
    expect(await sync.syncNow()).toMatchObject({ kind: 'done', pushed: 250 });
    expect(counted).toEqual([k.map(() => 1), rest.map(() => 0)]);
    expect(server.pushes[1]?.mutations.map((m) => m.mutationId)).toEqual(
      k.map((e) => e.mutationId),
    );
    expect(server.history).toHaveLength(250);
    expect(await db.outbox.count()).toBe(0);
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
