import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store } from '../../server/store/store.ts';
import { makeTempDir, removeDir, uuidv7 } from './helpers.ts';

function tempStore(): Store {
  const dir = makeTempDir();
  const store = openSqliteStore(dir);
  onTestFinished(async () => {
    await store.close();
    removeDir(dir);
  });
  return store;
}

async function seed(store: Store, type: string, districtId: string | null, title: string) {
  const id = uuidv7();
  await store.syncTransaction(async (tx) => {
    const version = {
      recordId: id,
      type,
      bodyJson: JSON.stringify({ title }),
      deleted: false,
      updatedAt: '2025-01-01T00:00:00.000Z',
      updatedBy: 'seed',
      schemaVersion: 1,
      districtId,
    };
    const rev = await tx.appendRevision({
      ...version,
      kind: 'applied',
      mutationId: uuidv7(),
      userId: 'u',
      deviceId: 'd',
    });
    await tx.putRecord({ ...version, rev });
  });
  return id;
}

describe('SQLite store', () => {
  it('pulls reference records and the given districts for a limited scope', async () => {
    const store = tempStore();
    await seed(store, 'territory', null, 'Reference');
    await seed(store, 'lessons-note', 'district-a', 'Mine');
    await seed(store, 'lessons-note', 'district-b', 'Not mine');
    await seed(store, 'lessons-note', null, 'No district');

    const scoped = await store.pull(0, 10, {
      all: false,
      referenceTypes: ['territory'],
      districtIds: ['district-a'],
    });
    const all = await store.pull(0, 10, { all: true });

    expect(scoped.map((r) => JSON.parse(r.bodyJson).title)).toEqual(['Reference', 'Mine']);
    expect(all).toHaveLength(4);
  });

  it('rolls a failed transaction back whole', async () => {
    const store = tempStore();
    const id = uuidv7();
    await expect(
      store.syncTransaction(async (tx) => {
        await tx.appendRevision({
          recordId: id,
          type: 'lessons-note',
          bodyJson: '{}',
          deleted: false,
          updatedAt: '2025-01-01T00:00:00.000Z',
          updatedBy: 'x',
          schemaVersion: 1,
          districtId: null,
          kind: 'applied',
          mutationId: uuidv7(),
          userId: 'u',
          deviceId: 'd',
        });
        throw new Error('disk on fire');
      }),
    ).rejects.toThrow('disk on fire');
    expect(await store.history(id)).toEqual([]);
    // And the store still takes writes.
    await seed(store, 'lessons-note', 'district-a', 'After');
    expect(await store.pull(0, 10, { all: true })).toHaveLength(1);
  });

  it('refuses a username that differs only in case', async () => {
    const store = tempStore();
    const user = {
      displayName: 'A',
      role: 'consultant' as const,
      passwordHash: 'x',
      districtIds: [],
    };
    await store.createUser({ ...user, username: 'aigul' });
    await expect(store.createUser({ ...user, username: 'AIGUL' })).rejects.toThrow(/already taken/);
    expect((await store.findUserByUsername('Aigul'))?.username).toBe('aigul');
  });

  it('runs nothing inside an open push transaction: reads and writes wait for it', async () => {
    const store = tempStore();
    const user = await store.createUser({
      username: 'aigul',
      displayName: 'A',
      role: 'consultant',
      passwordHash: 'x',
      districtIds: [],
    });
    const appended = deferred();
    const gate = deferred();
    const push = store.syncTransaction(async (tx) => {
      await tx.appendRevision({
        recordId: uuidv7(),
        type: 'lessons-note',
        bodyJson: '{}',
        deleted: false,
        updatedAt: '2025-01-01T00:00:00.000Z',
        updatedBy: 'x',
        schemaVersion: 1,
        districtId: null,
        kind: 'applied',
        mutationId: uuidv7(),
        userId: 'u',
        deviceId: 'd',
      });
      appended.resolve();
      await gate.promise;
      throw new Error('rolled back');
    });
    await appended.promise;

    // Asked for while the push is open (and awaiting): a read, a plain write, a second push.
    const done: string[] = [];
    const pulled = store.pull(0, 10, { all: true }).finally(() => done.push('pull'));
    const token = store.saveToken('token-hash', user.id).finally(() => done.push('token'));
    const second = seed(store, 'lessons-note', null, 'Second').finally(() => done.push('second'));
    await nextTurn();
    await nextTurn();
    expect(done).toEqual([]);

    gate.resolve();
    await expect(push).rejects.toThrow('rolled back');
    // The pull never saw the revision that was rolled back; the token did not go with it.
    expect(await pulled).toEqual([]);
    await token;
    const secondId = await second;
    expect(done).toEqual(['pull', 'token', 'second']);
    expect(await store.userForToken('token-hash')).toMatchObject({ id: user.id });
    expect((await store.pull(0, 10, { all: true })).map((r) => r.id)).toEqual([secondId]);
  });

  it('refuses a store call from inside a push transaction rather than wait for itself', async () => {
    const store = tempStore();
    await expect(
      store.syncTransaction(async () => {
        await store.countUsers();
      }),
    ).rejects.toThrow(/inside syncTransaction/);
    expect(await store.countUsers()).toBe(0);
  });

  it('refuses a SyncTransaction used after its transaction ended', async () => {
    const store = tempStore();
    const kept = await store.syncTransaction(async (tx) => tx);
    await expect(kept.findMutation(uuidv7())).rejects.toThrow(/ended/);
  });
});

/** A promise resolved from outside. */
function deferred() {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
