import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Hearing, newHearing } from '../domain/hearing.ts';
import type { HearingSummary } from '../domain/list-facts.ts';
import type { ServerRecord } from '../domain/sync-protocol.ts';
import { olderDatabase } from '../testing/older-database.ts';
import { createDatabase, type SedpDatabase } from './database.ts';
import { PAGE_SIZE } from './list-index.ts';
import { createOutboxActions } from './outbox-actions.ts';
import { createRecordRepository, type RecordRepository } from './record-repository.ts';
import { createSyncStore } from './sync-store.ts';

let db: SedpDatabase;
let repo: RecordRepository;
let n = 0;
beforeEach(() => {
  n += 1;
  db = createDatabase(`list-index-${n}`);
  repo = createRecordRepository({ db, author: () => 'aida' });
});
afterEach(async () => {
  await db.delete();
});

const hearing = (venue: string, date = '2026-05-04', patch: Partial<Hearing> = {}): Hearing => ({
  ...newHearing({ districtId: 'nooken', municipalityId: 'kochkor-ata' }, new Date()),
  venue,
  date,
  startTime: '10:00',
  chair: 'Асель Токтогулова',
  attendance: { tally: { women: 12, men: 8, groups: {} }, participants: [] },
  ...patch,
});

const serverHearing = (id: string, rev: number, body: Hearing, deleted = false): ServerRecord => ({
  id,
  type: 'hearing',
  rev,
  updatedAt: '2026-05-04T10:00:00.000Z',
  updatedBy: 'server',
  deleted,
  schemaVersion: 1,
  body,
});

/** Every entry of a type as the pages hold it, in page order. */
async function entries(type = 'hearing') {
  const pages = await db.listPages.where('type').equals(type).toArray();
  return pages.flatMap((page) =>
    page.ids.map((id, i) => ({
      id,
      sort: page.sort[i],
      status: page.status[i],
      place: page.place[i],
      text: page.text[i],
      sync: page.sync[i],
    })),
  );
}

const summary = async (id: string) =>
  (await db.listRows.get(id))?.summary as HearingSummary | undefined;

describe('list index: local writes', () => {
  it('indexes a new record as pending, with its summary, in the same write', async () => {
    const saved = await repo.put({
      type: 'hearing',
      body: hearing('Culture hall'),
    });
    expect(await entries()).toEqual([
      {
        id: saved.id,
        sort: '2026-05-04T10:00',
        status: 'draft',
        place: 'kochkor-ata',
        text: 'culturehall|асельтоктогулова',
        sync: 'pending',
      },
    ]);
    expect(await summary(saved.id)).toEqual({
      municipalityId: 'kochkor-ata',
      date: '2026-05-04',
      venue: 'Culture hall',
      status: 'draft',
      people: 20,
      womenShare: 0.6,
      proposals: 0,
    });
  });

  it('rewrites an edited record in place and drops a deleted one', async () => {
    const a = await repo.put({ type: 'hearing', body: hearing('A') });
    const b = await repo.put({ type: 'hearing', body: hearing('B') });
    await repo.put({
      type: 'hearing',
      id: a.id,
      body: hearing('A2', '2026-06-01'),
    });
    expect((await entries()).map((e) => [e.id, e.text?.split('|')[0], e.sort])).toEqual([
      [a.id, 'a2', '2026-06-01T10:00'],
      [b.id, 'b', '2026-05-04T10:00'],
    ]);
    await repo.remove({ type: 'hearing', id: b.id });
    expect((await entries()).map((e) => e.id)).toEqual([a.id]);
    expect(await db.listRows.get(b.id)).toBeUndefined();
    // The dashboard's figures page follows its list page, entry for entry.
    const [figures] = await db.listFigures.toArray();
    expect(figures?.ids).toEqual([a.id]);
    expect(JSON.parse(figures?.data[0] ?? '{}')).toMatchObject({
      venue: 'A2',
      date: '2026-06-01',
      figures: { women: 12, men: 8 },
      listed: { listed: 0 },
    });
  });

  it('leaves types the lists do not show out of the index', async () => {
    await repo.put({
      type: 'lessons-note',
      body: { districtId: 'nooken', title: 'n', text: '' },
    });
    expect(await db.listPages.count()).toBe(0);
    expect(await db.listRows.count()).toBe(0);
  });

  it('never stores a record whose index entry failed: the write is all or nothing', async () => {
    db.listRows.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(repo.put({ type: 'hearing', body: hearing('A') })).rejects.toThrow('disk full');
    expect(await db.records.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.listPages.count()).toBe(0);
  });

  it('opens a new page when one is full and keeps every record once', async () => {
    const store = createSyncStore(db);
    const count = PAGE_SIZE + 5;
    const changes = Array.from({ length: count }, (_, i) =>
      serverHearing(`h-${String(i).padStart(5, '0')}`, i + 1, hearing(`Hall ${i}`)),
    );
    await store.applyPullPage(changes.slice(0, 600), 600);
    await store.applyPullPage(changes.slice(600), count);
    const pages = await db.listPages.where('type').equals('hearing').toArray();
    expect(pages.map((p) => p.ids.length)).toEqual([PAGE_SIZE, 5]);
    const ids = (await entries()).map((e) => e.id);
    expect(new Set(ids).size).toBe(count);
    expect(await db.listRows.count()).toBe(count);
    const figures = await db.listFigures.toArray();
    expect(figures.flatMap((f) => f.ids)).toEqual(pages.flatMap((p) => p.ids));
  });
});

describe('list index: sync', () => {
  it('stores pulled records as synced and a pulled deletion takes them out', async () => {
    const store = createSyncStore(db);
    await store.applyPullPage(
      [serverHearing('h1', 1, hearing('A')), serverHearing('h2', 2, hearing('B'))],
      2,
    );
    expect((await entries()).map((e) => [e.id, e.sync])).toEqual([
      ['h1', 'synced'],
      ['h2', 'synced'],
    ]);
    await store.applyPullPage([serverHearing('h1', 3, hearing('A'), true)], 3);
    expect((await entries()).map((e) => e.id)).toEqual(['h2']);
  });

  it('rewrites pulled records the device holds in place and adds the others once', async () => {
    const store = createSyncStore(db);
    await store.applyPullPage(
      [serverHearing('h1', 1, hearing('A')), serverHearing('h2', 2, hearing('B'))],
      2,
    );
    await store.applyPullPage([serverHearing('h2', 3, hearing('B'), true)], 3);
    // h1 edited elsewhere, h2 back from deletion (its tombstone is on the device), h3 new.
    await store.applyPullPage(
      [
        serverHearing('h3', 4, hearing('C')),
        serverHearing('h1', 5, hearing('A2')),
        serverHearing('h2', 6, hearing('B2')),
      ],
      6,
    );
    expect((await entries()).map((e) => [e.id, e.text?.split('|')[0]])).toEqual([
      ['h1', 'a2'],
      ['h3', 'c'],
      ['h2', 'b2'],
    ]);
    expect((await db.listRows.toArray()).map((r) => r.id).sort()).toEqual(['h1', 'h2', 'h3']);
  });

  it('keeps a record with local changes as it is on this device when a pull brings another version', async () => {
    const mine = await repo.put({ type: 'hearing', body: hearing('Mine') });
    await createSyncStore(db).applyPullPage([serverHearing(mine.id, 5, hearing('Theirs'))], 5);
    expect((await entries()).map((e) => [e.text?.split('|')[0], e.sync])).toEqual([
      ['mine', 'pending'],
    ]);
  });

  it('follows the server’s answers: applied is synced, conflict and rejected show as such', async () => {
    const store = createSyncStore(db);
    const a = await repo.put({ type: 'hearing', body: hearing('A') });
    const b = await repo.put({ type: 'hearing', body: hearing('B') });
    const c = await repo.put({ type: 'hearing', body: hearing('C') });
    const batch = await store.takeBatch(10);
    const [ea, eb, ec] = batch;
    await store.applyResults(batch, [
      { mutationId: ea?.mutationId ?? '', status: 'applied', rev: 1 },
      {
        mutationId: eb?.mutationId ?? '',
        status: 'conflict',
        current: serverHearing(b.id, 4, hearing('B theirs')),
      },
      {
        mutationId: ec?.mutationId ?? '',
        status: 'rejected',
        error: { code: 'invalid', message: 'no' },
      },
    ]);
    const sync = new Map((await entries()).map((e) => [e.id, e.sync]));
    expect([sync.get(a.id), sync.get(b.id), sync.get(c.id)]).toEqual([
      'synced',
      'conflict',
      'parked',
    ]);

    const actions = createOutboxActions(db);
    await actions.keepTheirs(b.id);
    const [parkedSeq = -1] = await db.outbox.where('state').equals('parked').primaryKeys();
    await actions.retry(parkedSeq);
    const after = new Map((await entries()).map((e) => [e.id, e]));
    expect(after.get(b.id)?.sync).toBe('synced');
    expect(after.get(b.id)?.text?.split('|')[0]).toBe('btheirs');
    expect(after.get(c.id)?.sync).toBe('pending');
    await actions.discard(parkedSeq);
    expect((await entries()).find((e) => e.id === c.id)?.sync).toBe('synced');
  });

  it('keeps a parked change when discarding it cannot update the index: all or nothing', async () => {
    const store = createSyncStore(db);
    const a = await repo.put({ type: 'hearing', body: hearing('A') });
    await store.park(await store.takeBatch(10), 'refused');
    const [seq = -1] = await db.outbox.toCollection().primaryKeys();
    db.listRows.hook('updating', () => {
      throw new Error('disk full');
    });
    await expect(createOutboxActions(db).discard(seq)).rejects.toThrow('disk full');
    expect((await db.outbox.toArray()).map((e) => [e.id, e.state])).toEqual([[a.id, 'parked']]);
    expect((await entries()).map((e) => e.sync)).toEqual(['parked']);
  });

  it('parks a batch refused as a whole in the index too', async () => {
    const store = createSyncStore(db);
    const a = await repo.put({ type: 'hearing', body: hearing('A') });
    await store.park(await store.takeBatch(10), 'too large');
    expect((await entries()).map((e) => [e.id, e.sync])).toEqual([[a.id, 'parked']]);
  });

  it('moves nothing when a pull page fails part way: neither the records nor the cursor', async () => {
    const store = createSyncStore(db);
    db.listPages.hook('creating', () => {
      throw new Error('quota');
    });
    await expect(store.applyPullPage([serverHearing('h1', 1, hearing('A'))], 1)).rejects.toThrow(
      'quota',
    );
    expect(await db.records.count()).toBe(0);
    expect(await store.cursor()).toBe(0);
  });

  it('stores none of a pull page’s writes, issued at once, when one of them fails', async () => {
    const store = createSyncStore(db);
    await store.applyPullPage([serverHearing('h1', 1, hearing('A'))], 1, {
      received: 1,
      total: 3,
      bytes: 10,
    });
    // The record write fails after the index writes were issued beside it.
    db.records.hook('creating', (_key, record) => {
      if (record.id === 'h3') throw new Error('quota');
    });
    const page = [serverHearing('h2', 2, hearing('B')), serverHearing('h3', 3, hearing('C'))];
    await expect(
      store.applyPullPage(page, 3, { received: 3, total: 3, bytes: 30 }),
    ).rejects.toThrow('quota');
    expect((await db.records.toCollection().primaryKeys()).sort()).toEqual(['h1']);
    expect((await entries()).map((e) => e.id)).toEqual(['h1']);
    expect((await db.listRows.toCollection().primaryKeys()).sort()).toEqual(['h1']);
    expect((await db.listFigures.toArray()).flatMap((f) => f.ids)).toEqual(['h1']);
    expect(await store.cursor()).toBe(1);
    expect(await store.downloadProgress()).toMatchObject({ received: 1 });
  });
});

describe('list index: upgrading a device', () => {
  it('is built from the records, outbox and conflicts an older version left', async () => {
    const name = `list-index-old-${n}`;
    const old = olderDatabase(name, 2);
    const record = (id: string, venue: string, deleted = false) => ({
      ...serverHearing(id, 1, hearing(venue)),
      deleted,
    });
    await old
      .table('records')
      .bulkPut([
        record('synced', 'S'),
        record('queued', 'Q'),
        record('parked', 'P'),
        record('conflicted', 'C'),
        record('gone', 'G', true),
        { ...record('note', 'N'), type: 'lessons-note' },
      ]);
    await old.table('outbox').bulkAdd([
      { mutationId: 'm1', id: 'queued', state: 'pending', body: {} },
      { mutationId: 'm2', id: 'parked', state: 'parked', body: {} },
    ]);
    await old.table('conflicts').put({ id: 'conflicted', type: 'hearing' });
    old.close();

    const upgraded = createDatabase(name);
    try {
      const pages = await upgraded.listPages.toArray();
      const sync = new Map(pages.flatMap((p) => p.ids.map((id, i) => [id, p.sync[i]])));
      expect(Object.fromEntries(sync)).toEqual({
        synced: 'synced',
        queued: 'pending',
        parked: 'parked',
        conflicted: 'conflict',
      });
      expect(await upgraded.listRows.count()).toBe(4);
    } finally {
      await upgraded.delete();
    }
  });
});
