import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBlobRepository } from './blob-repository.ts';
import { createDatabase, type SedpDatabase } from './database.ts';
import { createOutboxActions } from './outbox-actions.ts';
import { createRecordRepository } from './record-repository.ts';

let db: SedpDatabase;
let counter = 0;
beforeEach(() => {
  counter += 1;
  db = createDatabase(`test-outbox-actions-${counter}`);
});
afterEach(async () => {
  await db.delete();
});

describe('outbox actions', () => {
  it('a parked change sent again has the server asked about its photos again', async () => {
    const blobs = createBlobRepository(db);
    const photo = await blobs.save(new Blob([new Uint8Array([7, 7, 7])], { type: 'image/jpeg' }));
    const other = await blobs.save(new Blob([new Uint8Array([8])], { type: 'image/jpeg' }));
    await db.blobs.update(photo, { uploaded: 1 });
    await db.blobs.update(other, { uploaded: 1 });
    const records = createRecordRepository({ db, author: () => 'aida' });
    const saved = await records.put({
      type: 'milestone',
      body: {
        districtId: 'd',
        territoryId: 'd',
        kind: 'approved',
        date: '2026-05-04',
        resolutionNumber: '12',
        attachment: photo,
      },
    });
    const [seq = -1] = await db.outbox.where('id').equals(saved.id).primaryKeys();
    await db.outbox.update(seq, { state: 'parked', lastError: 'x', attempts: 1 });

    await createOutboxActions(db).retry(seq);

    expect(await db.outbox.get(seq)).toMatchObject({
      state: 'pending',
      attempts: 0,
    });
    // The photo it names goes back to "ask the server"; one it does not name stays as it was.
    expect((await db.blobs.get(photo))?.uploaded).toBe(0);
    expect((await db.blobs.get(other))?.uploaded).toBe(1);
  });
});
