import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { olderDatabase } from '../testing/older-database.ts';
import { type Backup, importBackup } from './backup.ts';
import { createDatabase, type SedpDatabase } from './database.ts';
import { FOLLOWERS, followersIn } from './outbox-followers.ts';
import { createRecordRepository, type RecordRepository } from './record-repository.ts';
import { createSyncStore } from './sync-store.ts';

let db: SedpDatabase;
let repo: RecordRepository;
let n = 0;
beforeEach(() => {
  n += 1;
  db = createDatabase(`outbox-followers-${n}`);
  repo = createRecordRepository({ db, author: () => 'aida' });
});
afterEach(async () => {
  await db.delete();
});

const note = (title: string) => ({ districtId: 'nooken', title, text: '' });
const followers = async () =>
  ((await db.syncMeta.get(FOLLOWERS))?.value as number[] | undefined) ?? [];
const titles = async () =>
  (await db.outbox.toArray()).map((e) => [e.body.title as string, e.baseRev]);

describe('outbox followers', () => {
  it('are every entry but the first of its record', () => {
    const entries = [
      { seq: 4, id: 'b' },
      { seq: 1, id: 'a' },
      { seq: 2, id: 'b' },
      { seq: 7, id: 'a' },
      { seq: 9, id: 'a' },
    ];
    expect(followersIn(entries)).toEqual([4, 7, 9]);
  });

  it('an edit made while its record is on its way is noted, and rebased when the batch settles', async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('a1') });
    await repo.put({ type: 'lessons-note', body: note('b') });
    const store = createSyncStore(db);
    const batch = await store.takeBatch(100);
    expect(await followers()).toEqual([]);
    await repo.put({ type: 'lessons-note', id: a.id, body: note('a2') });
    const later = (await db.outbox.toArray()).at(-1);
    expect(await followers()).toEqual([later?.seq]);

    await store.applyResults(
      batch,
      batch.map((e, i) => ({ mutationId: e.mutationId, status: 'applied', rev: 10 + i })),
    );
    expect(await titles()).toEqual([['a2', 10]]);
  });

  it('names nothing for an edit that folds into a change not sent yet', async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('a1') });
    await repo.put({ type: 'lessons-note', id: a.id, body: note('a2') });
    expect(await titles()).toEqual([['a2', 0]]);
    expect(await followers()).toEqual([]);
  });

  it('drops entries that have left the queue when it reads them', async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('a1') });
    const store = createSyncStore(db);
    const first = await store.takeBatch(100);
    await repo.put({ type: 'lessons-note', id: a.id, body: note('a2') });
    await store.applyResults(first, [
      { mutationId: first[0]?.mutationId ?? '', status: 'applied', rev: 3 },
    ]);
    const second = await store.takeBatch(100);
    expect(second.map((e) => [e.body.title, e.baseRev])).toEqual([['a2', 3]]);
    expect(await followers()).toHaveLength(1); // a2 still named, though it follows nothing now
    await store.applyResults(second, [
      { mutationId: second[0]?.mutationId ?? '', status: 'applied', rev: 4 },
    ]);
    const b = await repo.put({ type: 'lessons-note', body: note('b') });
    await store.applyResults(await store.takeBatch(100), []); // reads, and prunes, the row
    expect(await followers()).toEqual([]);
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([b.id]);
  });

  it("a backup's change of a record queued here is noted and rebased", async () => {
    const a = await repo.put({ type: 'lessons-note', body: note('a1') });
    const store = createSyncStore(db);
    const batch = await store.takeBatch(100);
    const [queued] = await db.outbox.toArray();
    if (!queued) throw new Error('nothing queued');
    const backup = {
      records: [],
      outbox: [{ ...queued, mutationId: crypto.randomUUID(), body: note('from backup') }],
      conflicts: [],
      blobs: [],
    } as unknown as Backup;
    await importBackup(db, backup);
    expect(await followers()).toHaveLength(1);
    await store.applyResults(batch, [
      { mutationId: batch[0]?.mutationId ?? '', status: 'applied', rev: 5 },
    ]);
    expect(await titles()).toEqual([['from backup', 5]]);
    expect((await db.outbox.toArray())[0]?.id).toBe(a.id);
  });

  it('are found in the queue an older version left, and rebased when their batch settles', async () => {
    const name = `outbox-followers-old-${n}`;
    const old = olderDatabase(name, 4);
    const entry = (title: string, id: string, attempts: number) => ({
      mutationId: crypto.randomUUID(),
      type: 'lessons-note',
      id,
      op: 'put',
      baseRev: 0,
      body: note(title),
      hash: '0'.repeat(64),
      createdAt: '2026-01-01T00:00:00.000Z',
      attempts,
      lastError: null,
      state: 'pending',
    });
    await old
      .table('outbox')
      .bulkAdd([entry('a1', 'rec-a', 1), entry('b1', 'rec-b', 1), entry('a2', 'rec-a', 0)]);
    old.close();

    const upgraded = createDatabase(name);
    try {
      expect((await upgraded.syncMeta.get(FOLLOWERS))?.value).toEqual([3]);
      const store = createSyncStore(upgraded);
      const batch = await store.takeBatch(100);
      expect(batch.map((e) => e.body.title)).toEqual(['a1', 'b1']);
      await store.applyResults(
        batch,
        batch.map((e) => ({ mutationId: e.mutationId, status: 'applied', rev: 7 })),
      );
      const left = await upgraded.outbox.toArray();
      expect(left.map((e) => [e.body.title, e.baseRev])).toEqual([['a2', 7]]);
    } finally {
      await upgraded.delete();
    }
  });
});
