/**
 * A server whose disk is full: SQLite's page limit stands in for the disk, so writes fail
 * with a real SQLITE_FULL. Every reply says `storage_full` with 503, the log says it once,
 * reads go on, and the server takes writes again once there is room.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import {
  client,
  freshServer,
  mutation,
  note,
  PASSWORD,
  push,
  signedInUser,
  territoryId,
} from './helpers.ts';

const DISTRICT = territoryId('aksy');

const longNote = () => ({ ...note(DISTRICT), text: 'Жыйналыш. '.repeat(150) });

describe('a full disk', () => {
  it('answers 503 storage_full to writes, health and sign-in, logs once and recovers', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [DISTRICT]);
    const later = await createAccount(server.store, {
      username: 'later-sign-in',
      role: 'consultant',
      password: PASSWORD,
      districtIds: [DISTRICT],
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    onTestFinished(() => errors.mockRestore());

    // The disk: what the file holds now and a little more.
    const { page_count } = server.sqlite.prepare('PRAGMA page_count').get() as {
      page_count: number;
    };
    server.sqlite.exec(`PRAGMA max_page_count = ${page_count + 40}`);

    // The consultant's pushes fill it up.
    let full: Awaited<ReturnType<typeof push>> | null = null;
    let failedBatch: { id: string }[] = [];
    for (let attempt = 0; attempt < 50 && !full; attempt += 1) {
      const batch = await Promise.all(
        Array.from({ length: 20 }, () => mutation({ body: longNote() })),
      );
      const reply = await push(api, batch);
      if (reply.status === 200) continue;
      full = reply;
      failedBatch = batch;
    }
    if (!full) throw new Error('the database never filled up');
    expect(full.status).toBe(503);
    expect(full.body).toMatchObject({ error: 'storage_full' });
    expect(full.body.requestId).toBe(full.headers.get('x-request-id'));
    // One transaction per batch: nothing of the refused batch was kept.
    for (const m of failedBatch) expect(await server.store.history(m.id)).toEqual([]);

    // Again: the same answer, and still one line in the log.
    const again = await push(
      api,
      await Promise.all(Array.from({ length: 20 }, () => mutation({ body: longNote() }))),
    );
    expect(again.status).toBe(503);
    expect(again.body.error).toBe('storage_full');

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'unavailable', error: 'storage_full' });

    // Sign-in writes a token row: fill the token table's pages too, then sign in.
    const fill = server.sqlite.prepare(
      'INSERT INTO tokens (token_hash, user_id, created_at) VALUES (?, ?, ?)',
    );
    for (let misses = 0; misses < 20; ) {
      try {
        fill.run(randomBytes(32).toString('hex'), later.id, new Date().toISOString());
      } catch {
        misses += 1;
      }
    }
    let login = await client(server.url).post('/api/auth/login', {
      username: 'later-sign-in',
      password: PASSWORD,
    });
    for (let tries = 0; tries < 30 && login.status === 200; tries += 1) {
      login = await client(server.url).post('/api/auth/login', {
        username: 'later-sign-in',
        password: PASSWORD,
      });
    }
    expect(login.status).toBe(503);
    expect(login.body).toMatchObject({ error: 'storage_full' });

    // Reads go on.
    expect((await api.get('/api/sync/pull?since=0&limit=10')).status).toBe(200);
    const logged = errors.mock.calls.map((call) => String(call[0]));
    expect(logged.filter((line) => line.startsWith('Storage full'))).toHaveLength(1);
    expect(logged).toHaveLength(1);

    // Room again: health is fine and the refused batch goes in.
    server.sqlite.exec('PRAGMA max_page_count = 1073741823');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const retry = await push(api, failedBatch);
    expect(retry.status).toBe(200);
    expect(new Set(retry.body.results.map((r: { status: string }) => r.status))).toEqual(
      new Set(['applied']),
    );
  }, 60_000);
});

describe('health', () => {
  it('says database_unavailable when the database refuses writes for another reason', async () => {
    const server = await freshServer(onTestFinished);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    server.sqlite.exec('PRAGMA query_only = ON');

    const health = await fetch(`${server.url}/api/health`);

    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      status: 'unavailable',
      error: 'database_unavailable',
    });
    server.sqlite.exec('PRAGMA query_only = OFF');
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});

describe('request ids', () => {
  it('gives every API reply an id, keeps a sane incoming one and replaces any other', async () => {
    const server = await freshServer(onTestFinished);
    const plain = await fetch(`${server.url}/api/health`);
    expect(plain.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await fetch(`${server.url}/api/nothing-here`);
    expect(missing.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const proxied = await fetch(`${server.url}/api/health`, {
      headers: { 'x-request-id': 'proxy-7f3a9c01' },
    });
    expect(proxied.headers.get('x-request-id')).toBe('proxy-7f3a9c01');
    const odd = await fetch(`${server.url}/api/health`, {
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('puts the id in a 500 reply and in its log line', async () => {
    const server = await freshServer(onTestFinished, {
      wrapStore: (store) => ({
        ...store,
        pull: () => {
          throw new Error('index corrupted');
        },
      }),
    });
    const { api } = await signedInUser(server, 'coordinator');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    onTestFinished(() => errors.mockRestore());

    const reply = await api.get('/api/sync/pull?since=0&limit=10');

    expect(reply.status).toBe(500);
    const id = reply.headers.get('x-request-id');
    expect(id).toBeTruthy();
    expect(reply.body).toEqual({
      error: 'internal',
      message: 'Internal server error',
      requestId: id,
    });
    expect(errors).toHaveBeenCalledTimes(1);
    expect(String(errors.mock.calls[0]?.[0])).toContain(`request ${id}`);
    expect((await api.get('/api/me')).status).toBe(200);
  });
});
