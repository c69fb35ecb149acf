import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { DATABASE_FILE, openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { ServerRecord } from '../../src/domain/sync-protocol.ts';
import {
  type Client,
  client,
  fakeClock,
  freshServer,
  makeTempDir,
  mutation,
  push,
  removeDir,
  SEEDED,
  signedInUser,
  startTestServer,
  territoryId,
} from './helpers.ts';

/** Every page of changes after `since`, and the cursor to pull from next. */
async function pullAll(api: Client, since = 0) {
  const changes: ServerRecord[] = [];
  let cursor = since;
  for (;;) {
    const page = (await api.get(`/api/sync/pull?since=${cursor}&limit=10`)).body;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor };
  }
}

/** Revisions in the data directory's database, read with the server stopped. */
function revisionStats(dataDir: string) {
  const db = new DatabaseSync(path.join(dataDir, DATABASE_FILE), { readOnly: true });
  try {
    return db.prepare('SELECT count(*) AS count, max(rev) AS last FROM revisions').get();
  } finally {
    db.close();
  }
}

/** A seed entry as a record: its id, and the body it is stored with. */
function seeded(code: string) {
  const entry = TERRITORY_SEED.find((territory) => territory.code === code);
  if (!entry) throw new Error(`No seeded territory ${code}`);
  const { id, ...body } = entry;
  return { id, body };
}

const byCode = (changes: ServerRecord[], code: string) =>
  changes.find((record) => record.type === 'territory' && record.body.code === code);

describe('seeded reference data', () => {
  it('gives every consultant the territories, once, and a restart adds nothing', async () => {
    const dir = makeTempDir();
    onTestFinished(() => removeDir(dir));
    const dataDir = path.join(dir, 'data');
    const clock = fakeClock('2025-05-01T06:00:00.000Z');
    const first = await startTestServer({ dataDir, now: clock.now });
    // Reference data is not tied to a district: a consultant with none gets it too.
    const consultant = await signedInUser(first, 'consultant');

    const all = await pullAll(consultant.api);
    expect(all.changes).toHaveLength(SEEDED);
    expect(all.cursor).toBe(SEEDED);
    // The work plan comes seeded too (Table 1 of the terms of reference).
    expect(
      all.changes.filter((r) => r.type === 'work-plan-activity').map((r) => r.body.target),
    ).toEqual([3, 30, 30, 1, 24, 1]);
    const pulled = { ...all, changes: all.changes.filter((r) => r.type === 'territory') };
    expect(pulled.changes.map((record) => record.id).sort()).toEqual(
      TERRITORY_SEED.map((territory) => territory.id).sort(),
    );
    // Regions come before their districts, districts before their towns.
    expect(pulled.changes.map((record) => record.id)).toEqual(
      TERRITORY_SEED.map((territory) => territory.id),
    );
    const nooken = seeded('nooken');
    expect(byCode(pulled.changes, 'nooken')).toEqual({
      id: nooken.id,
      type: 'territory',
      rev: expect.any(Number),
      updatedAt: '2025-05-01T06:00:00.000Z',
      updatedBy: 'system',
      deleted: false,
      schemaVersion: 1,
      body: nooken.body,
    });
    expect(byCode(pulled.changes, 'nooken')?.body.names).toMatchObject({
      ky: 'Ноокен району',
      ru: 'Ноокенский район',
    });
    expect(byCode(pulled.changes, 'jeti-oguz')?.body.names).toMatchObject({
      ky: 'Жети-Өгүз району',
    });
    expect(await first.store.history(territoryId('nooken'))).toMatchObject([
      { kind: 'applied', updatedBy: 'system', mutationId: null, userId: null, deviceId: null },
    ]);
    await first.close();
    const before = revisionStats(dataDir);
    expect(before).toEqual({ count: SEEDED, last: SEEDED });

    clock.advance(60_000);
    const second = await startTestServer({ dataDir, now: clock.now });
    onTestFinished(() => second.close());
    const again = await pullAll(client(second.url, consultant.token));
    expect(again.changes.map((record) => record.rev)).toEqual(
      all.changes.map((record) => record.rev),
    );
    expect(byCode(again.changes, 'nooken')?.updatedAt).toBe('2025-05-01T06:00:00.000Z');
    await second.close();
    expect(revisionStats(dataDir)).toEqual(before);
  });

  it('lets only admins write reference data', async () => {
    const server = await freshServer(onTestFinished);
    const consultant = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const coordinator = await signedInUser(server, 'coordinator');
    const admin = await signedInUser(server, 'admin');
    const { id, body } = seeded('nooken');
    const baseRev = (await server.store.history(id)).at(-1)?.rev as number;
    const renamed = { ...body, names: { ...body.names, en: 'Nooken' } };

    for (const { api } of [consultant, coordinator]) {
      const reply = await push(api, [
        await mutation({ type: 'territory', id, baseRev, body: renamed }),
      ]);
      expect(reply.body.results[0]).toMatchObject({
        status: 'rejected',
        error: { code: 'forbidden' },
      });
    }
    const fromConsultant = await push(consultant.api, [
      await mutation({ type: 'territory', body: { ...renamed, code: 'new-district' } }),
    ]);
    expect(fromConsultant.body.results[0]).toMatchObject({ status: 'rejected' });
    expect(await server.store.history(id)).toHaveLength(1);

    const { cursor } = await pullAll(consultant.api);
    const applied = await push(admin.api, [
      await mutation({ type: 'territory', id, baseRev, body: renamed }),
    ]);
    expect(applied.body.results[0]).toMatchObject({ status: 'applied', rev: cursor + 1 });

    const changes = (await pullAll(consultant.api, cursor)).changes;
    expect(changes).toEqual([
      expect.objectContaining({
        id,
        rev: cursor + 1,
        updatedBy: admin.user.username,
        body: renamed,
      }),
    ]);
  });

  it('never overwrites a stored territory, changed or deleted, when seeding again', async () => {
    const dir = makeTempDir();
    const clock = fakeClock();
    const store = openSqliteStore(dir, { now: clock.now });
    onTestFinished(async () => {
      await store.close();
      removeDir(dir);
    });
    const nooken = territoryId('nooken');
    const aksy = territoryId('aksy');
    await store.syncTransaction(async (tx) => {
      for (const [recordId, deleted] of [
        [nooken, false],
        [aksy, true],
      ] as const) {
        const version = {
          recordId,
          type: 'territory',
          bodyJson: '{"code":"kept"}',
          deleted,
          updatedAt: clock.now().toISOString(),
          updatedBy: 'admin',
          schemaVersion: 1,
          districtId: null,
        };
        const rev = await tx.appendRevision({
          ...version,
          kind: 'applied',
          mutationId: null,
          userId: null,
          deviceId: null,
        });
        await tx.putRecord({ ...version, rev });
      }
    });

    expect(await seedReferenceData(store)).toBe(SEEDED - 2);
    expect(await seedReferenceData(store)).toBe(0);

    expect(await store.history(nooken)).toHaveLength(1);
    expect(await store.history(aksy)).toMatchObject([{ deleted: true, body: { code: 'kept' } }]);
    expect(await store.pull(0, 100, { all: true })).toHaveLength(SEEDED);
  });
});
