import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, recordRev, type SedpDatabase } from './database.ts';
import { createOutboxActions } from './outbox-actions.ts';
import { createRecordRepository, type RecordRepository } from './record-repository.ts';
import { ROWS_READ_WHOLE, revBatchesOf, sideRevOf, sideRevRows } from './side-revs.ts';
import { createSyncStore, keyRuns, sendingSeqs } from './sync-store.ts';

let db: SedpDatabase;
let repo: RecordRepository;
let n = 0;
beforeEach(() => {
  n += 1;
  db = createDatabase(`sync-store-${n}`);
  repo = createRecordRepository({ db, author: () => 'aida' });
});
afterEach(async () => {
  await db.delete();
});

const note = (title: string, text = '') => ({ districtId: 'nooken', title, text });

describe('sync store: taking a batch', () => {
  it('sends one change per record at a time and marks it as sent', async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('a1') });
    await db.outbox.toCollection().modify({ attempts: 1 }); // a1 went out earlier
    await repo.put({ type: 'lessons-note', id: a.id, body: note('a2') });
    const b = await repo.put({ type: 'lessons-note', body: note('b') });

    const batch = await createSyncStore(db).takeBatch(100);
    expect(batch.map((e) => [e.body.title, e.attempts])).toEqual([
      ['a1', 2],
      ['b', 1],
    ]);
    expect([...(await sendingSeqs(db))]).toEqual(batch.map((e) => e.seq));
    // An edit of b while it is on its way is a new change, not a rewrite of the one sent.
    await repo.put({ type: 'lessons-note', id: b.id, body: note('b2') });
    expect((await db.outbox.toArray()).map((e) => e.body.title)).toEqual(['a1', 'a2', 'b', 'b2']);
  });

  it('takes the batch after the one in flight without its records, marked beside it', async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('a1') });
    await repo.put({ type: 'lessons-note', body: note('b') });
    const store = createSyncStore(db);
    const first = await store.takeBatch(2);
    // Edited while on its way: a second change of a, queued after everything else.
    await repo.put({ type: 'lessons-note', id: a.id, body: note('a2') });
    await repo.put({ type: 'lessons-note', body: note('c') });
    const second = await store.takeBatch(100, undefined, first);
    expect(second.map((e) => e.body.title)).toEqual(['c']);
    expect([...(await sendingSeqs(db))]).toEqual([...first, ...second].map((e) => e.seq));
    // The first settles with the second still in flight: a's next change is taken now.
    const settled = await store.applyResults(
      first,
      first.map((e) => ({ mutationId: e.mutationId, status: 'applied' as const, rev: 3 })),
      { max: 100, inFlight: second },
    );
    expect(settled.next?.map((e) => [e.body.title, e.baseRev])).toEqual([['a2', 3]]);
    expect([...(await sendingSeqs(db))]).toEqual(
      [...second, ...(settled.next ?? [])].map((e) => e.seq),
    );
  });

  it('a change given back to the queue goes before any later change of its record', async () => {
    const r = await repo.put({ type: 'lessons-note', body: note('r1') });
    const store = createSyncStore(db);
    const [r1] = await store.takeBatch(100);
    await store.park(r1 ? [r1] : [], 'refused');
    await repo.put({ type: 'lessons-note', body: note('x') });
    const inFlight = await store.takeBatch(100);
    expect(inFlight.map((e) => e.body.title)).toEqual(['x']);
    // While x is on its way: r is edited (a second change, behind the parked one), and
    // the user sends the parked one again (it keeps its place, before x).
    await repo.put({ type: 'lessons-note', id: r.id, body: note('r2') });
    await createOutboxActions(db).retry(r1?.seq ?? 0);
    await repo.put({ type: 'lessons-note', body: note('y') });
    const next = await store.takeBatch(100, undefined, inFlight);
    expect(next.map((e) => e.body.title)).toEqual(['y']);
    // Once x is answered, r1 goes; r2 waits for the revision r1 gets.
    const settled = await store.applyResults(
      inFlight,
      inFlight.map((e) => ({ mutationId: e.mutationId, status: 'applied' as const, rev: 1 })),
      { max: 100, inFlight: next },
    );
    expect(settled.next?.map((e) => e.body.title)).toEqual([]);
    const after = await store.applyResults(
      next,
      next.map((e) => ({ mutationId: e.mutationId, status: 'applied' as const, rev: 1 })),
      { max: 100 },
    );
    expect(after.next?.map((e) => e.body.title)).toEqual(['r1']);
  });

  it('counts the attempt of a batch a crash left unsettled before taking the next', async () => {
    await repo.put({ type: 'lessons-note', body: note('a') });
    await createSyncStore(db).takeBatch(100);
    // The tab died mid-send; a new one starts.
    const again = await createSyncStore(db).takeBatch(100);
    expect(again.map((e) => [e.body.title, e.attempts])).toEqual([['a', 2]]);
    expect((await db.outbox.toArray()).map((e) => e.attempts)).toEqual([1]);
  });

  it('keeps the attempt of entries that stay queued when the batch fails or is refused', async () => {
    await repo.put({ type: 'lessons-note', body: note('a') });
    await repo.put({ type: 'lessons-note', body: note('b') });
    const store = createSyncStore(db);
    await store.noteFailure(await store.takeBatch(1), 'offline');
    expect((await db.outbox.toArray()).map((e) => [e.body.title, e.attempts])).toEqual([
      ['a', 1],
      ['b', 0],
    ]);
    await store.park(await store.takeBatch(100), 'forbidden');
    expect((await db.outbox.toArray()).map((e) => [e.body.title, e.attempts, e.state])).toEqual([
      ['a', 2, 'parked'],
      ['b', 1, 'parked'],
    ]);
    expect((await sendingSeqs(db)).size).toBe(0);
  });

  it('settles a split batch part by part; the parts not settled yet stay marked as sent', async () => {
    for (const title of ['a', 'b', 'c', 'd']) {
      await repo.put({ type: 'lessons-note', body: note(title) });
    }
    const store = createSyncStore(db);
    const batch = await store.takeBatch(100);
    const seqs = batch.map((e) => e.seq);
    await store.park(batch.slice(0, 1), 'invalid: Invalid UUID (id)');
    expect([...(await sendingSeqs(db))]).toEqual(seqs.slice(1));
    const [b, c] = batch.slice(1, 3);
    await store.applyResults(batch.slice(1, 3), [
      { mutationId: b?.mutationId ?? '', status: 'applied', rev: 1 },
      { mutationId: c?.mutationId ?? '', status: 'applied', rev: 2 },
    ]);
    expect([...(await sendingSeqs(db))]).toEqual(seqs.slice(3));
    // An edit of d, still on its way, is a new change, not a rewrite of the one sent.
    await repo.put({ type: 'lessons-note', id: batch[3]?.id, body: note('d2') });
    // The tab dies here. The next batch counts d's attempt and sends d as it was.
    const next = await createSyncStore(db).takeBatch(100);
    expect(next.map((e) => [e.body.title, e.mutationId, e.attempts])).toEqual([
      ['d', batch[3]?.mutationId, 2],
    ]);
    expect((await db.outbox.toArray()).map((e) => [e.body.title, e.state])).toEqual([
      ['a', 'parked'],
      ['d', 'pending'],
      ['d2', 'pending'],
    ]);
  });

  it('does not let a parked change hold back a later edit of the same record', async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('refused') });
    await db.outbox.toCollection().modify({ attempts: 1, state: 'parked' });
    await repo.put({ type: 'lessons-note', id: a.id, body: note('fixed') });
    const batch = await createSyncStore(db).takeBatch(100);
    expect(batch.map((e) => e.body.title)).toEqual(['fixed']);
  });

  it('keeps a batch under the byte budget, but always sends at least one change', async () => {
    const long = 'ы'.repeat(20_000);
    for (let i = 0; i < 5; i += 1) {
      await repo.put({ type: 'lessons-note', body: note(`n${i}`, long) });
    }
    const store = createSyncStore(db);
    expect(await store.takeBatch(100, 100_000)).toHaveLength(2);
    expect(await store.takeBatch(100, 1_000)).toHaveLength(1);
  });
});

describe('sync store: settling', () => {
  it('finds the runs of consecutive keys a range delete may remove', () => {
    expect(keyRuns([5, 3, 4, 9, 7, 8, 12])).toEqual([
      [3, 5],
      [7, 9],
      [12, 12],
    ]);
    expect(keyRuns([])).toEqual([]);
  });

  it('keeps the new revision beside the record; a later pull of a newer version folds it in', async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('a') });
    const store = createSyncStore(db);
    const [entry] = await store.takeBatch(100);
    await store.applyResults(entry ? [entry] : [], [
      { mutationId: entry?.mutationId ?? '', status: 'applied', rev: 4 },
    ]);
    expect((await db.records.get(a.id))?.rev).toBe(0); // not rewritten
    expect(await recordRev(db, a.id)).toBe(4);
    const server = (rev: number, title: string) => ({
      ...a,
      rev,
      body: note(title),
      updatedBy: 'y',
    });
    // Its own change coming back is skipped; a newer one replaces it and drops the side row.
    expect(await store.applyPullPage([server(4, 'a')], 1)).toBe(0);
    expect(await store.applyPullPage([server(5, 'from elsewhere')], 2)).toBe(1);
    expect((await db.records.get(a.id))?.body.title).toBe('from elsewhere');
    expect(await sideRevRows(db)).toBe(0);
    // The next local edit builds on the revision the record has.
    await repo.put({ type: 'lessons-note', id: a.id, body: note('again') });
    expect((await db.outbox.toArray()).map((e) => e.baseRev)).toEqual([5]);
  });

  it('skips its own changes coming back whether the side revisions are few or many', async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('a') });
    const store = createSyncStore(db);
    const [entry] = await store.takeBatch(100);
    await store.applyResults(entry ? [entry] : [], [
      { mutationId: entry?.mutationId ?? '', status: 'applied', rev: 4 },
    ]);
    const back = { ...a, rev: 4, updatedBy: 'aida' };
    expect(await store.applyPullPage([back], 4)).toBe(0);
    // Many rows beside records (large pushes not pulled back yet): looked up by id instead.
    const others = Array.from({ length: ROWS_READ_WHOLE * 100 + 50 }, (_, i) => ({
      id: `r${i}`,
      rev: 1,
    }));
    await db.revBatches.bulkAdd(revBatchesOf(others));
    expect(await sideRevRows(db)).toBe(ROWS_READ_WHOLE + 2);
    expect(await store.applyPullPage([back], 4)).toBe(0);
    expect(await store.applyPullPage([{ ...back, rev: 6, body: note('b') }], 6)).toBe(1);
    expect((await db.records.get(a.id))?.body.title).toBe('b');
    // Its row (it alone) is gone; the others stay as they were.
    expect(await sideRevOf(db, a.id)).toBeUndefined();
    expect(await sideRevRows(db)).toBe(ROWS_READ_WHOLE + 1);
    expect(await sideRevOf(db, 'r50049')).toEqual({ id: 'r50049', rev: 1 });
  });

  it('a local edit folds the side revision into the record and bases its change on it', async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('a') });
    const store = createSyncStore(db);
    const [entry] = await store.takeBatch(100);
    await store.applyResults(entry ? [entry] : [], [
      { mutationId: entry?.mutationId ?? '', status: 'applied', rev: 3 },
    ]);
    await repo.put({ type: 'lessons-note', id: a.id, body: note('b') });
    expect((await db.records.get(a.id))?.rev).toBe(3);
    expect(await sideRevRows(db)).toBe(0);
    expect((await db.outbox.toArray()).map((e) => e.baseRev)).toEqual([3]);
  });
});
