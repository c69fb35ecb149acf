import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { olderDatabase } from '../testing/older-database.ts';
import { createDatabase, recordRev, type SedpDatabase } from './database.ts';
import { createRecordRepository } from './record-repository.ts';
import {
  addSideRevs,
  dropSideRevs,
  ROWS_READ_WHOLE,
  revBatchesOf,
  sideRevOf,
  sideRevRows,
  sideRevsOf,
} from './side-revs.ts';
import { createSyncStore } from './sync-store.ts';

let db: SedpDatabase;
let n = 0;

beforeEach(() => {
  n += 1;
  db = createDatabase(`side-revs-${n}`);
});
afterEach(async () => {
  await db.delete();
});

const note = (title: string) => ({ districtId: 'nooken', title, text: title });

describe('side revisions', () => {
  it('are one row per settled batch, however many records it held', async () => {
    const repo = createRecordRepository({ db, author: () => 'aida' });
    const saved = [];
    for (let i = 0; i < 150; i += 1) {
      saved.push(await repo.put({ type: 'lessons-note', body: note(`n${i}`) }));
    }
    const store = createSyncStore(db);
    for (let rev = 1; ; rev += 1) {
      const batch = await store.takeBatch(100);
      if (batch.length === 0) break;
      await store.applyResults(
        batch,
        batch.map((e) => ({ mutationId: e.mutationId, status: 'applied' as const, rev })),
      );
    }
    expect(await sideRevRows(db)).toBe(2);
    expect(await recordRev(db, saved[0]?.id ?? '')).toBe(1);
    expect(await recordRev(db, saved[149]?.id ?? '')).toBe(2);
  });

  it('a record in several rows has the largest revision, in any order of the rows', async () => {
    await addSideRevs(
      db,
      new Map([
        ['a', 3],
        ['b', 7],
      ]),
    );
    await addSideRevs(
      db,
      new Map([
        ['b', 2],
        ['a', 5],
      ]),
    );
    expect(await sideRevOf(db, 'a')).toEqual({ id: 'a', rev: 5 });
    expect(await sideRevOf(db, 'b')).toEqual({ id: 'b', rev: 7 });
    expect(await sideRevsOf(db, ['b', 'c', 'a'])).toEqual([
      { id: 'b', rev: 7 },
      undefined,
      { id: 'a', rev: 5 },
    ]);
  });

  it('are dropped from every row; a row left empty goes, the others keep the rest', async () => {
    await addSideRevs(db, new Map([['a', 5]]));
    await addSideRevs(
      db,
      new Map([
        ['b', 2],
        ['a', 3],
      ]),
    );
    await dropSideRevs(db, ['a']);
    expect(await sideRevRows(db)).toBe(1);
    expect(await sideRevOf(db, 'a')).toBeUndefined();
    expect(await sideRevOf(db, 'b')).toEqual({ id: 'b', rev: 2 });
  });

  it('are looked up id by id when there are many rows, with the same answers', async () => {
    const length = (ROWS_READ_WHOLE + 10) * 100;
    const rows = Array.from({ length }, (_, i) => ({ id: `r${i}`, rev: i + 1 }));
    await db.revBatches.bulkAdd(revBatchesOf(rows));
    await addSideRevs(db, new Map([['r7', 100]]));
    expect(await sideRevRows(db)).toBe(ROWS_READ_WHOLE + 11);
    expect(await sideRevsOf(db, ['r7', `r${length - 1}`, 'none'])).toEqual([
      { id: 'r7', rev: 100 },
      { id: `r${length - 1}`, rev: length },
      undefined,
    ]);
    await dropSideRevs(db, ['r7', 'r8']);
    expect(await sideRevsOf(db, ['r7', 'r8', 'r9'])).toEqual([
      undefined,
      undefined,
      { id: 'r9', rev: 10 },
    ]);
    expect(await sideRevRows(db)).toBe(ROWS_READ_WHOLE + 10);
  });

  it('kept one per record by an older version are carried over by the upgrade', async () => {
    const name = `side-revs-old-${n}`;
    const old = olderDatabase(name, 5);
    const record = {
      id: 'rec-a',
      type: 'lessons-note',
      rev: 2,
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: 'aida',
      deleted: false,
      schemaVersion: 1,
      body: note('a'),
    };
    await old.table('records').add(record);
    await old
      .table('revs')
      .bulkAdd([
        { id: 'rec-a', rev: 9 },
        ...Array.from({ length: 150 }, (_, i) => ({ id: `other-${i}`, rev: 1 })),
      ]);
    old.close();

    const upgraded = createDatabase(name);
    try {
      expect(await recordRev(upgraded, 'rec-a')).toBe(9);
      expect(await sideRevRows(upgraded)).toBe(2);
      expect(upgraded.tables.map((t) => t.name)).not.toContain('revs');
    } finally {
      await upgraded.delete();
    }
  });
});
