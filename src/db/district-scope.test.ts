import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../domain/hash.ts';
import { newHearing } from '../domain/hearing.ts';
import { createDatabase, type SedpDatabase } from './database.ts';
import { removeOutsideDistricts } from './district-scope.ts';
import { createRecordRepository } from './record-repository.ts';

let db: SedpDatabase;
let n = 0;
beforeEach(() => {
  n += 1;
  db = createDatabase(`scope-${n}`);
});
afterEach(() => db.delete());

async function photo(bytes: number[]) {
  const data = new Uint8Array(bytes);
  const sha256 = await sha256Hex(data);
  await db.blobs.add({
    sha256,
    bytes: data.buffer,
    mime: 'image/jpeg',
    size: 1,
    createdAt: '',
    uploaded: 1,
  });
  return sha256;
}

const hearing = (districtId: string, photos: string[]) => ({
  ...newHearing({ districtId, municipalityId: 'm1' }, new Date(2025, 3, 1)),
  photos: photos.map((sha256) => ({ sha256, kind: 'attendance-sheet' as const })),
});

describe('removing records of districts no longer assigned', () => {
  it('removes synced records of dropped districts with their drafts and photos, keeps the rest', async () => {
    const repo = createRecordRepository({ db, author: () => 'aida' });
    const [gone, shared, kept, unsent] = await Promise.all([
      photo([1]),
      photo([2]),
      photo([3]),
      photo([4]),
    ]);
    const aksy = await repo.put({
      type: 'hearing',
      body: hearing('aksy', [gone, shared]),
    });
    const nooken = await repo.put({
      type: 'hearing',
      body: hearing('nooken', [shared, kept]),
    });
    const pendingAksy = await repo.put({
      type: 'hearing',
      body: hearing('aksy', [unsent]),
    });
    const territory = await repo.put({
      type: 'territory',
      body: { kind: 'district', code: 'aksy', names: { ru: 'Аксы', ky: 'Аксы', en: 'Aksy' } },
    });
    // Everything but the one pending change has reached the server.
    await db.outbox.where('id').noneOf([pendingAksy.id]).delete();
    await db.drafts.bulkPut([
      { key: `hearing:${aksy.id}`, value: {}, updatedAt: '' },
      { key: `hearing:${aksy.id}:speaker`, value: {}, updatedAt: '' },
      { key: `hearing:${nooken.id}`, value: {}, updatedAt: '' },
    ]);

    expect(await removeOutsideDistricts(db, ['nooken'])).toEqual({
      records: 1,
      drafts: 2,
      blobs: 1,
    });

    expect(await db.records.get(aksy.id)).toBeUndefined();
    expect(await db.records.get(nooken.id)).toBeDefined();
    expect(await db.records.get(pendingAksy.id)).toBeDefined(); // unsynced: stays until sent
    expect(await db.records.get(territory.id)).toBeDefined(); // reference data
    expect((await db.drafts.toCollection().primaryKeys()).sort()).toEqual([`hearing:${nooken.id}`]);
    expect((await db.blobs.toCollection().primaryKeys()).sort()).toEqual(
      [shared, kept, unsent].sort(),
    );
    expect(await db.outbox.count()).toBe(1);
  });

  it('keeps a record in conflict', async () => {
    const repo = createRecordRepository({ db, author: () => 'aida' });
    const record = await repo.put({ type: 'hearing', body: hearing('aksy', []) });
    await db.outbox.clear();
    await db.conflicts.put({
      id: record.id,
      type: 'hearing',
      local: record,
      remote: { ...record, rev: 2 },
      mutationId: 'm',
      detectedAt: '',
    });
    expect((await removeOutsideDistricts(db, [])).records).toBe(0);
    expect(await db.records.get(record.id)).toBeDefined();
  });
});
