import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bodyHash } from '../domain/hash.ts';
import { newHearing } from '../domain/hearing.ts';
import { newTraining } from '../domain/training.ts';
import { createDatabase, type SedpDatabase } from './database.ts';
import {
  createRecordRepository,
  RecordValidationError,
  type RepositoryDeps,
} from './record-repository.ts';

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
const aibek = () => 'aibek';
const repository = (deps: Partial<RepositoryDeps> = {}) =>
  createRecordRepository({ db, author: aibek, ...deps });
const place = { districtId: 'nooken', municipalityId: 'kochkor-ata' };
const hearing = (venue = '') => ({ ...newHearing(place, new Date(2026, 4, 4, 10)), venue });
const training = (title = '') => ({
  ...newTraining({ districtId: 'nooken', municipalityIds: ['kochkor-ata'] }, new Date(2026, 4, 4)),
  title,
});

describe('record repository', () => {
  it('stores a new record together with its outbox entry', async () => {
    const repo = repository({ now: fixedNow });
    const saved = await repo.put({ type: 'hearing', body: hearing('Кербен') });

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
    const repo = repository();
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(repo.put({ type: 'hearing', body: hearing() })).rejects.toThrow('disk full');
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the previous version when an edit fails', async () => {
    const repo = repository();
    const first = await repo.put({ type: 'hearing', body: hearing('1') });
    const fail = () => {
      throw new Error('quota exceeded');
    };
    db.outbox.hook('creating', fail);
    db.outbox.hook('updating', fail);
    await expect(repo.put({ type: 'hearing', id: first.id, body: hearing('2') })).rejects.toThrow(
      'quota exceeded',
    );
    expect((await db.records.get(first.id))?.body).toEqual(hearing('1'));
    expect(await db.outbox.count()).toBe(1);
  });

  it('queues every edit in creation order with the revision it was based on', async () => {
    const repo = repository();
    const created = await repo.put({ type: 'hearing', body: hearing('1') });
    // As if the first version had been sent, and accepted by the server at revision 7.
    await db.outbox.toCollection().modify({ attempts: 1 });
    await db.records.update(created.id, { rev: 7 });
    await repo.put({ type: 'hearing', id: created.id, body: hearing('2') });

    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.baseRev, e.body])).toEqual([
      [0, hearing('1')],
      [7, hearing('2')],
    ]);
    expect((await db.records.get(created.id))?.rev).toBe(7);
  });

  it('coalesces edits the queue has not sent yet into one mutation', async () => {
    const repo = repository();
    const created = await repo.put({ type: 'hearing', body: hearing('1') });
    const [first] = await db.outbox.toArray();
    for (let n = 2; n <= 23; n += 1) {
      await repo.put({ type: 'hearing', id: created.id, body: hearing(String(n)) });
    }
    const outbox = await db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ seq: first?.seq, baseRev: 0, body: hearing('23') });
    expect(outbox[0]?.hash).toBe(await bodyHash(hearing('23')));
    expect(outbox[0]?.mutationId).not.toBe(first?.mutationId);
  });

  it('never changes a mutation that may already be on the server', async () => {
    const repo = repository();
    const created = await repo.put({ type: 'hearing', body: hearing('1') });
    await db.outbox.toCollection().modify({ attempts: 1 });
    const [sent] = await db.outbox.toArray();
    await repo.put({ type: 'hearing', id: created.id, body: hearing('2') });
    await repo.put({ type: 'hearing', id: created.id, body: hearing('3') });
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(2);
    expect(outbox[0]).toEqual(sent);
    expect(outbox[1]?.body).toEqual(hearing('3'));
  });

  it('deletes by tombstone: the record stays, marked deleted, and the deletion is queued', async () => {
    let author = 'aibek';
    const repo = repository({ author: () => author });
    const saved = await repo.put({ type: 'training', body: training('SEDP') });
    author = 'bakyt';
    await repo.remove({ type: 'training', id: saved.id });

    const stored = await db.records.get(saved.id);
    expect(stored).toMatchObject({ deleted: true, updatedBy: 'bakyt', body: training('SEDP') });
    expect(await repo.get('training', saved.id)).toBeUndefined();
    expect(await repo.list('training')).toEqual([]);
    // Never sent, so the creation and the deletion travel as one tombstone.
    const ops = (await db.outbox.orderBy('seq').toArray()).map((e) => e.op);
    expect(ops).toEqual(['delete']);
  });

  it('refuses to delete a record it does not have, writing nothing', async () => {
    const repo = repository();
    await expect(
      repo.remove({ type: 'hearing', id: '0192f000-0000-7000-8000-000000000000' }),
    ).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses to change the type of an existing record', async () => {
    const repo = repository();
    const saved = await repo.put({ type: 'hearing', body: hearing() });
    await expect(repo.put({ type: 'training', id: saved.id, body: training() })).rejects.toThrow(
      /is a hearing/,
    );
    expect(await db.outbox.count()).toBe(1);
    expect(await repo.get('training', saved.id)).toBeUndefined();
  });

  it('refuses a body its schema refuses, writing nothing', async () => {
    const repo = repository();
    const saved = await repo.put({ type: 'hearing', body: hearing('Hall') });
    const invalid = { ...hearing('Hall'), startTime: '10:00', endTime: '09:00' };
    const refusal = await repo
      .put({ type: 'hearing', id: saved.id, body: invalid })
      .catch((e) => e);
    expect(refusal).toBeInstanceOf(RecordValidationError);
    expect(refusal).toMatchObject({ type: 'hearing', path: ['endTime'] });
    expect((await db.records.get(saved.id))?.body).toEqual(hearing('Hall'));
    expect(await db.outbox.count()).toBe(1);
    // A caller that gets round the types (a body from elsewhere) is refused the same way.
    const loose = { type: 'hearing', body: { venue: 'Hall' } } as unknown as Parameters<
      typeof repo.put
    >[0];
    await expect(repo.put(loose)).rejects.toBeInstanceOf(RecordValidationError);
    expect(await db.records.count()).toBe(1);
  });

  it('signs each write with the account signed in, or as unknown without one', async () => {
    const signedIn = await repository({ author: async () => 'aida' }).put({
      type: 'hearing',
      body: hearing(),
    });
    const nobody = await repository({ author: () => undefined }).put({
      type: 'hearing',
      body: hearing(),
    });
    expect([signedIn.updatedBy, nobody.updatedBy]).toEqual(['aida', 'unknown']);
  });

  it('lists live records of one type, newest change first', async () => {
    let clock = 0;
    const repo = repository({ now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)) });
    const a = await repo.put({ type: 'hearing', body: hearing('a') });
    await repo.put({ type: 'training', body: training('t') });
    const b = await repo.put({ type: 'hearing', body: hearing('b') });
    expect((await repo.list('hearing')).map((r) => r.id)).toEqual([b.id, a.id]);
  });

  it('announces a committed write, and only a committed one', async () => {
    const afterWrite = vi.fn();
    const repo = repository({ afterWrite });
    await repo.put({ type: 'hearing', body: hearing() });
    expect(afterWrite).toHaveBeenCalledTimes(1);
    db.records.hook('creating', () => {
      throw new Error('nope');
    });
    await expect(repo.put({ type: 'hearing', body: hearing() })).rejects.toThrow();
    expect(afterWrite).toHaveBeenCalledTimes(1);
  });

  it('goes on writing after the browser closes the database (as iOS does)', async () => {
    const repo = repository();
    await repo.put({ type: 'hearing', body: hearing('1') });
    db.close({ disableAutoOpen: false });
    await repo.put({ type: 'hearing', body: hearing('2') });
    expect(await db.records.count()).toBe(2);
  });
});
