import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyHash } from '../domain/hash.ts';
import { createDatabase, type SedpDatabase } from './database.ts';
import { createRecordRepository } from './record-repository.ts';

let db: SedpDatabase;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = createDatabase(`test-records-${counter}`);
});

afterEach(async () => {
  await db.delete();
});

const fixedNow = () => new Date('2026-11-24T10:00:00.000Z');

describe('record repository', () => {
  it('stores a new record together with its outbox entry', async () => {
    const repo = createRecordRepository({ db, now: fixedNow });
    const saved = await repo.put({
      type: 'hearing',
      body: { venue: 'Кербен', women: 23, men: 17 },
      updatedBy: 'aibek',
    });

    expect(saved).toMatchObject({
      type: 'hearing',
      rev: 0,
      deleted: false,
      schemaVersion: 1,
      updatedAt: '2026-11-24T10:00:00.000Z',
      updatedBy: 'aibek',
    });
    expect(saved.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(await db.records.get(saved.id)).toEqual(saved);

    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      type: 'hearing',
      id: saved.id,
      op: 'put',
      baseRev: 0,
      body: saved.body,
      hash: await bodyHash(saved.body),
      attempts: 0,
      lastError: null,
      state: 'pending',
    });
    expect(outbox[0]?.mutationId).not.toBe(saved.id);
  });

  it('never leaves a record without its outbox entry: a failed write stores neither', async () => {
    const repo = createRecordRepository({ db });
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(
      repo.put({ type: 'hearing', body: { women: 1 }, updatedBy: 'aibek' }),
    ).rejects.toThrow('disk full');
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the previous version when an edit fails', async () => {
    const repo = createRecordRepository({ db });
    const first = await repo.put({ type: 'hearing', body: { women: 1 }, updatedBy: 'aibek' });
    const fail = () => {
      throw new Error('quota exceeded');
    };
    db.outbox.hook('creating', fail);
    db.outbox.hook('updating', fail);
    await expect(
      repo.put({ type: 'hearing', id: first.id, body: { women: 2 }, updatedBy: 'aibek' }),
    ).rejects.toThrow('quota exceeded');
    expect((await db.records.get(first.id))?.body).toEqual({ women: 1 });
    expect(await db.outbox.count()).toBe(1);
  });

  it('queues every edit in creation order with the revision it was based on', async () => {
    const repo = createRecordRepository({ db });
    const created = await repo.put({ type: 'hearing', body: { women: 1 }, updatedBy: 'a' });
    // As if the first version had been sent, and accepted by the server at revision 7.
    await db.outbox.toCollection().modify({ attempts: 1 });
    await db.records.update(created.id, { rev: 7 });
    await repo.put({ type: 'hearing', id: created.id, body: { women: 2 }, updatedBy: 'a' });

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.baseRev, e.body])).toEqual([
      [0, { women: 1 }],
      [7, { women: 2 }],
    ]);
    expect((await db.records.get(created.id))?.rev).toBe(7);
  });

  it('coalesces edits the queue has not sent yet into one mutation', async () => {
    const repo = createRecordRepository({ db });
    const created = await repo.put({ type: 'hearing', body: { women: 1 }, updatedBy: 'a' });
    const [first] = await db.outbox.toArray();
    for (let women = 2; women <= 23; women += 1) {
      await repo.put({ type: 'hearing', id: created.id, body: { women }, updatedBy: 'a' });
    }
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ seq: first?.seq, baseRev: 0, body: { women: 23 } });
    expect(outbox[0]?.hash).toBe(await bodyHash({ women: 23 }));
    expect(outbox[0]?.mutationId).not.toBe(first?.mutationId);
  });

  it('never changes a mutation that may already be on the server', async () => {
    const repo = createRecordRepository({ db });
    const created = await repo.put({ type: 'hearing', body: { women: 1 }, updatedBy: 'a' });
    await db.outbox.toCollection().modify({ attempts: 1 });
    const [sent] = await db.outbox.toArray();
    await repo.put({ type: 'hearing', id: created.id, body: { women: 2 }, updatedBy: 'a' });
    await repo.put({ type: 'hearing', id: created.id, body: { women: 3 }, updatedBy: 'a' });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(2);
    expect(outbox[0]).toEqual(sent);
    expect(outbox[1]?.body).toEqual({ women: 3 });
  });

  it('deletes by tombstone: the record stays, marked deleted, and the deletion is queued', async () => {
    const repo = createRecordRepository({ db });
    const saved = await repo.put({ type: 'training', body: { topic: 'SEDP' }, updatedBy: 'a' });
    await repo.remove({ type: 'training', id: saved.id, updatedBy: 'b' });

    const stored = await db.records.get(saved.id);
    expect(stored).toMatchObject({ deleted: true, updatedBy: 'b', body: { topic: 'SEDP' } });
    expect(await repo.get(saved.id)).toBeUndefined();
    expect(await repo.list('training')).toEqual([]);
    // Never sent, so the creation and the deletion travel as one tombstone.
    const ops = (await db.outbox.orderBy('seq').toArray()).map((e) => e.op);
    expect(ops).toEqual(['delete']);
  });

  it('refuses to delete a record it does not have, writing nothing', async () => {
    const repo = createRecordRepository({ db });
    await expect(
      repo.remove({ type: 'hearing', id: '0192f000-0000-7000-8000-000000000000', updatedBy: 'a' }),
    ).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses to change the type of an existing record', async () => {
    const repo = createRecordRepository({ db });
    const saved = await repo.put({ type: 'hearing', body: {}, updatedBy: 'a' });
    await expect(
      repo.put({ type: 'training', id: saved.id, body: {}, updatedBy: 'a' }),
    ).rejects.toThrow(/is a hearing/);
    expect(await db.outbox.count()).toBe(1);
  });

  it('lists live records of one type, newest change first', async () => {
    let clock = 0;
    const repo = createRecordRepository({
      db,
      now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)),
    });
    const a = await repo.put({ type: 'hearing', body: { n: 'a' }, updatedBy: 'x' });
    await repo.put({ type: 'training', body: { n: 't' }, updatedBy: 'x' });
    const b = await repo.put({ type: 'hearing', body: { n: 'b' }, updatedBy: 'x' });
    expect((await repo.list('hearing')).map((r) => r.id)).toEqual([b.id, a.id]);
    expect(await repo.pendingCount()).toBe(3);
  });

  it('announces a committed write, and only a committed one', async () => {
    const afterWrite = vi.fn();
    const repo = createRecordRepository({ db, afterWrite });
    await repo.put({ type: 'hearing', body: {}, updatedBy: 'a' });
    expect(afterWrite).toHaveBeenCalledTimes(1);
    db.records.hook('creating', () => {
      throw new Error('nope');
    });
    await expect(repo.put({ type: 'hearing', body: {}, updatedBy: 'a' })).rejects.toThrow();
    expect(afterWrite).toHaveBeenCalledTimes(1);
  });

  it('goes on writing after the browser closes the database (as iOS does)', async () => {
    const repo = createRecordRepository({ db });
    await repo.put({ type: 'hearing', body: { n: 1 }, updatedBy: 'a' });
    db.close({ disableAutoOpen: false });
    await repo.put({ type: 'hearing', body: { n: 2 }, updatedBy: 'a' });
    expect(await db.records.count()).toBe(2);
  });
});
