import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDatabase, type SedpDatabase } from './database.ts';
import { createDraftRepository } from './draft-repository.ts';

let db: SedpDatabase;
let counter = 0;

beforeEach(() => {
  counter += 1;
  db = createDatabase(`test-drafts-${counter}`);
});
afterEach(async () => {
  await db.delete();
});

describe('draft repository', () => {
  it('keeps a half-filled form across a new connection (a killed tab)', async () => {
    await createDraftRepository(db).save('hearing:new', { venue: 'Кербен', women: 4 });
    db.close();
    const reopened = createDatabase(db.name);
    expect(await createDraftRepository(reopened).load('hearing:new')).toEqual({
      venue: 'Кербен',
      women: 4,
    });
    reopened.close();
  });

  it('overwrites a draft with the latest state and discards it when the form is saved', async () => {
    const drafts = createDraftRepository(db);
    await drafts.save('k', { step: 1 });
    await drafts.save('k', { step: 2 });
    expect(await drafts.load('k')).toEqual({ step: 2 });
    await drafts.discard('k');
    expect(await drafts.load('k')).toBeUndefined();
  });

  it('lists drafts newest first', async () => {
    let t = 0;
    const drafts = createDraftRepository(db, () => new Date(Date.UTC(2026, 10, 24, 0, 0, t++)));
    await drafts.save('a', 1);
    await drafts.save('b', 2);
    expect((await drafts.list()).map((d) => d.key)).toEqual(['b', 'a']);
  });
});
