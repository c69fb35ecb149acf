/**
 * What the device learns when sync fails against the real server: kind, status, code and
 * request id reach the sync status, so the screen can say what happened in the user's
 * language (a full disk is not "could not reach the server").
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDatabase } from '../../src/db/database.ts';
import { createRecordRepository } from '../../src/db/record-repository.ts';
import { createSyncStore } from '../../src/db/sync-store.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { createHttpTransport } from '../../src/sync/http-transport.ts';
import { createLocalLock } from '../../src/sync/lock.ts';
import { freshServer, note, signedInUser, territoryId } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let dbCount = 0;
function phone(baseUrl: string, token: string, timeoutMs?: number) {
  dbCount += 1;
  const db = createDatabase(`device-errors-${process.pid}-${dbCount}`);
  cleanups.push(() => db.delete());
  const engine = createSyncEngine({
    store: createSyncStore(db),
    transport: createHttpTransport({
      getToken: () => token,
      fetch: (input, init) => fetch(`${baseUrl}${input}`, init),
      timeoutMs,
    }),
    lock: createLocalLock(),
    deviceId: `device-errors-${dbCount}`,
    random: () => 0,
  });
  cleanups.push(async () => engine.dispose());
  return { repo: createRecordRepository({ db, author: () => 'aida' }), engine };
}

describe('sync failures as the device sees them', () => {
  it('a full server disk is storage_full with the request id, and nothing is lost', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const device = phone(server.url, aida.token);
    for (let i = 0; i < 60; i += 1) {
      await device.repo.put({
        type: 'lessons-note',
        body: { ...note(territoryId('nooken'), `n${i}`), text: 'Жыйын. '.repeat(300) },
      });
    }
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    cleanups.push(async () => errors.mockRestore());
    const { page_count } = server.sqlite.prepare('PRAGMA page_count').get() as {
      page_count: number;
    };
    server.sqlite.exec(`PRAGMA max_page_count = ${page_count + 10}`);

    const outcome = await device.engine.syncNow();

    expect(outcome.kind).toBe('failed');
    const status = device.engine.status();
    expect(status.phase).toBe('retrying');
    expect(status.lastFailure).toMatchObject({ kind: 'server', status: 503, code: 'storage_full' });
    expect(status.lastFailure?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(errors).toHaveBeenCalledTimes(1);

    server.sqlite.exec('PRAGMA max_page_count = 1073741823');
    expect(await device.engine.syncNow()).toMatchObject({ kind: 'done', pushed: 60 });
    expect(device.engine.status().lastFailure).toBeNull();
  }, 60_000);

  it('an unreachable server is a network failure', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const url = server.url;
    await server.close();
    const device = phone(url, aida.token);
    await device.repo.put({
      type: 'lessons-note',
      body: note(territoryId('nooken')),
    });

    await device.engine.syncNow();

    expect(device.engine.status().lastFailure).toEqual({ kind: 'network' });
  });
});
