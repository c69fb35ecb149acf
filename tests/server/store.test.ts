import { describe, expect, it, onTestFinished } from 'vitest';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store } from '../../server/store/store.ts';
import { makeTempDir, removeDir, uuidv7 } from './helpers.ts';

function tempStore(): Store {
  const dir = makeTempDir();
  const store = openSqliteStore(dir);
  onTestFinished(() => {
    store.close();
    removeDir(dir);
  });
  return store;
}

function seed(store: Store, type: string, districtId: string | null, title: string) {
  const id = uuidv7();
  store.syncTransaction((tx) => {
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
    const rev = tx.appendRevision({
      ...version,
      kind: 'applied',
      mutationId: uuidv7(),
      userId: 'u',
      deviceId: 'd',
    });
    tx.putRecord({ ...version, rev });
  });
  return id;
}

describe('SQLite store', () => {
  it('pulls reference records and the given districts for a limited scope', () => {
    const store = tempStore();
    seed(store, 'territory', null, 'Reference');
    seed(store, 'lessons-note', 'district-a', 'Mine');
    seed(store, 'lessons-note', 'district-b', 'Not mine');
    seed(store, 'lessons-note', null, 'No district');

    const scoped = store.pull(0, 10, {
      all: false,
      referenceTypes: ['territory'],
      districtIds: ['district-a'],
    });
    const all = store.pull(0, 10, { all: true });

    expect(scoped.map((r) => JSON.parse(r.bodyJson).title)).toEqual(['Reference', 'Mine']);
    expect(all).toHaveLength(4);
  });

  it('rolls a failed transaction back whole', () => {
    const store = tempStore();
    const id = uuidv7();
    expect(() =>
      store.syncTransaction((tx) => {
        tx.appendRevision({
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
    ).toThrow('disk on fire');
    expect(store.history(id)).toEqual([]);
    // And the store still takes writes.
    seed(store, 'lessons-note', 'district-a', 'After');
    expect(store.pull(0, 10, { all: true })).toHaveLength(1);
  });

  it('refuses a username that differs only in case', () => {
    const store = tempStore();
    const user = {
      displayName: 'A',
      role: 'consultant' as const,
      passwordHash: 'x',
      districtIds: [],
    };
    store.createUser({ ...user, username: 'aigul' });
    expect(() => store.createUser({ ...user, username: 'AIGUL' })).toThrow(/already taken/);
    expect(store.findUserByUsername('Aigul')?.username).toBe('aigul');
  });
});
