import { describe, expect, it, onTestFinished } from 'vitest';
import {
  fakeClock,
  freshServer,
  mutation,
  note,
  push,
  SEEDED,
  signedInUser,
  territoryId,
  uuidv7,
} from './helpers.ts';

// Seeded servers (district records must name a real district): revisions count on from SEEDED.
const NOOKEN = territoryId('nooken');

describe('push', () => {
  it('applies a mutation with a server revision, server time and the signed-in username', async () => {
    const clock = fakeClock('2025-04-02T10:00:00.000Z');
    const server = await freshServer(onTestFinished, { now: clock.now });
    const { api, user } = await signedInUser(server, 'coordinator');
    const m = await mutation({ body: note(NOOKEN) });

    const reply = await push(api, [m]);

    expect(reply.status).toBe(200);
    expect(reply.body.results).toEqual([
      { mutationId: m.mutationId, status: 'applied', rev: SEEDED + 1 },
    ]);
    const [version] = await server.store.history(m.id);
    expect(version).toMatchObject({
      rev: SEEDED + 1,
      kind: 'applied',
      updatedBy: user.username,
      updatedAt: '2025-04-02T10:00:00.000Z',
      body: m.body,
      deviceId: 'device-test',
    });
  });

  it('answers a retry after a lost reply with duplicate and stores nothing twice', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const m = await mutation({ body: note(NOOKEN) });

    const first = await push(api, [m]);
    const retry = await push(api, [m]);

    expect(first.body.results[0]).toEqual({
      mutationId: m.mutationId,
      status: 'applied',
      rev: SEEDED + 1,
    });
    expect(retry.body.results[0]).toEqual({
      mutationId: m.mutationId,
      status: 'duplicate',
      rev: SEEDED + 1,
    });
    expect(await server.store.history(m.id)).toHaveLength(1);
    const pulled = await api.get(`/api/sync/pull?since=${SEEDED}`);
    expect(pulled.body.changes).toHaveLength(1);
  });

  it('never applies a changed body sent under a used mutationId', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const m = await mutation({ body: note(NOOKEN, 'First') });
    await push(api, [m]);
    const changed = await mutation({
      body: note(NOOKEN, 'Changed'),
      id: m.id,
      baseRev: SEEDED + 1,
      mutationId: m.mutationId,
    });

    const reply = await push(api, [changed]);

    expect(reply.body.results[0]).toMatchObject({
      mutationId: m.mutationId,
      status: 'rejected',
      error: { code: 'mutation_reused' },
    });
    expect((await server.store.history(m.id)).map((v) => v.body.title)).toEqual(['First']);
  });

  it('keeps both versions in history on a conflict and returns the current one', async () => {
    const server = await freshServer(onTestFinished);
    const { api, user } = await signedInUser(server, 'coordinator');
    const id = uuidv7();
    await push(api, [await mutation({ id, body: note(NOOKEN, 'Original') })]);
    await push(api, [await mutation({ id, baseRev: SEEDED + 1, body: note(NOOKEN, 'Office') })]);
    const stale = await mutation({ id, baseRev: SEEDED + 1, body: note(NOOKEN, 'Phone') });

    const reply = await push(api, [stale]);

    const result = reply.body.results[0];
    expect(result).toMatchObject({ mutationId: stale.mutationId, status: 'conflict' });
    expect(result.rev).toBeUndefined();
    expect(result.current).toMatchObject({
      id,
      type: 'lessons-note',
      rev: SEEDED + 2,
      deleted: false,
      updatedBy: user.username,
      schemaVersion: 1,
      body: note(NOOKEN, 'Office'),
    });
    const history = await server.store.history(id);
    expect(history.map((v) => [v.kind, v.body.title])).toEqual([
      ['applied', 'Original'],
      ['applied', 'Office'],
      ['conflict', 'Phone'],
    ]);
    const pulled = await api.get(`/api/sync/pull?since=${SEEDED}`);
    expect(pulled.body.changes.map((r: { body: { title: string } }) => r.body.title)).toEqual([
      'Office',
    ]);
  });

  it('answers a retried conflict or rejection with the original result, unchanged', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const id = uuidv7();
    await push(api, [await mutation({ id, body: note(NOOKEN) })]);
    const conflicting = await mutation({ id, baseRev: 0, body: note(NOOKEN, 'Late') });
    const invalid = await mutation({ body: { districtId: NOOKEN, title: '' } });

    const first = await push(api, [conflicting, invalid]);
    const retry = await push(api, [conflicting, invalid]);

    expect(first.body.results.map((r: { status: string }) => r.status)).toEqual([
      'conflict',
      'rejected',
    ]);
    expect(retry.body.results).toEqual(first.body.results);
    expect(await server.store.history(id)).toHaveLength(2);
  });

  it('applies the rest of a batch around an invalid body and names the bad field', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const before = await mutation({ body: note(NOOKEN, 'Before') });
    const bad = await mutation({ body: { districtId: NOOKEN, title: 42, text: '' } });
    const after = await mutation({ body: note(NOOKEN, 'After') });

    const reply = await push(api, [before, bad, after]);

    expect(reply.status).toBe(200);
    const [one, two, three] = reply.body.results;
    expect(one).toMatchObject({ status: 'applied', rev: SEEDED + 1 });
    expect(two).toMatchObject({
      mutationId: bad.mutationId,
      status: 'rejected',
      error: { code: 'invalid', path: ['title'] },
    });
    expect(two.error.message).toEqual(expect.any(String));
    expect(three).toMatchObject({ status: 'applied', rev: SEEDED + 2 });
    expect(await server.store.history(bad.id)).toEqual([]);
  });

  it('rejects an unknown record type and a hash that does not match the body', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'admin');
    const unknown = await mutation({ type: 'gossip', body: { districtId: NOOKEN } });
    const tampered = await mutation({ body: note(NOOKEN) });
    tampered.body = note(NOOKEN, 'Changed on the way');

    const reply = await push(api, [unknown, tampered]);

    expect(reply.body.results).toMatchObject([
      { mutationId: unknown.mutationId, status: 'rejected', error: { code: 'unknown_type' } },
      { mutationId: tampered.mutationId, status: 'rejected', error: { code: 'hash_mismatch' } },
    ]);
    expect(await server.store.history(unknown.id)).toEqual([]);
    expect(await server.store.history(tampered.id)).toEqual([]);
  });

  it('accepts the same body with its keys in another order (canonical hash)', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const m = await mutation({ body: note(NOOKEN) });
    const reordered = { text: m.body.text, title: m.body.title, districtId: m.body.districtId };

    const reply = await push(api, [{ ...m, body: reordered }]);

    expect(reply.body.results[0]).toMatchObject({ status: 'applied' });
  });

  it('stores a delete as a tombstone that keeps its body', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const id = uuidv7();
    await push(api, [await mutation({ id, body: note(NOOKEN) })]);

    const reply = await push(api, [
      await mutation({ id, op: 'delete', baseRev: SEEDED + 1, body: note(NOOKEN) }),
    ]);

    expect(reply.body.results[0]).toMatchObject({ status: 'applied', rev: SEEDED + 2 });
    const pulled = await api.get(`/api/sync/pull?since=${SEEDED}`);
    expect(pulled.body.changes).toMatchObject([
      { id, rev: SEEDED + 2, deleted: true, body: note(NOOKEN) },
    ]);
  });

  it('refuses to change the type of an existing record', async () => {
    const server = await freshServer(onTestFinished);
    const { api, user } = await signedInUser(server, 'admin');
    const id = uuidv7();
    // Only one type is registered yet, so the other type's record is put in directly.
    await server.store.syncTransaction(async (tx) => {
      const version = {
        recordId: id,
        type: 'training',
        bodyJson: JSON.stringify({ districtId: NOOKEN }),
        deleted: false,
        updatedAt: '2025-01-01T00:00:00.000Z',
        updatedBy: user.username,
        schemaVersion: 1,
        districtId: NOOKEN,
      };
      const rev = await tx.appendRevision({
        ...version,
        kind: 'applied',
        mutationId: uuidv7(),
        userId: user.id,
        deviceId: 'seed',
      });
      await tx.putRecord({ ...version, rev });
    });

    const reply = await push(api, [
      await mutation({ id, baseRev: SEEDED + 1, body: note(NOOKEN) }),
    ]);

    expect(reply.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'invalid' } });
    expect(await server.store.history(id)).toHaveLength(1);
  });

  it('refuses a batch of more than 250 mutations, and malformed requests, as a whole', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const m = await mutation({ body: note(NOOKEN) });
    const many = Array.from({ length: 251 }, () => ({ ...m, mutationId: uuidv7() }));

    const tooMany = await push(api, many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ error: 'invalid', path: ['mutations'] });

    const malformed = await api.call('POST', '/api/sync/push', undefined, {
      raw: '{"deviceId": "x", "mutations": [',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({
      error: 'invalid_json',
      message: 'The request body is not valid JSON',
    });

    const notObjects = await push(api, [m, 'change', null]);
    expect(notObjects.status).toBe(400);
    expect(notObjects.body).toMatchObject({ error: 'invalid', path: ['mutations', 1] });

    const noDevice = await api.post('/api/sync/push', { schemaVersion: 1, mutations: [m] });
    expect(noDevice.status).toBe(400);
    expect(noDevice.body).toMatchObject({ error: 'invalid', path: ['deviceId'] });
    expect(await server.store.history(m.id)).toEqual([]);
  });

  it('refuses a push body over 2 MB with 413 and keeps serving', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const huge = JSON.stringify({
      deviceId: 'd',
      schemaVersion: 1,
      mutations: [],
      pad: 'x'.repeat(2 * 1024 * 1024),
    });

    const reply = await api.call('POST', '/api/sync/push', undefined, {
      raw: huge,
      headers: { 'content-type': 'application/json' },
    });

    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error: 'too_large' });
    expect((await api.get('/api/me')).status).toBe(200);
  });
});

describe('push failing half-way', () => {
  it('stores nothing of the batch and answers 500 JSON', async () => {
    let puts = 0;
    const server = await freshServer(onTestFinished, {
      wrapStore: (store) => ({
        ...store,
        syncTransaction: (fn) =>
          store.syncTransaction((tx) =>
            fn({
              ...tx,
              async putRecord(input) {
                puts += 1;
                if (puts === 2) throw new Error('disk full');
                await tx.putRecord(input);
              },
            }),
          ),
      }),
    });
    const { api } = await signedInUser(server, 'coordinator');
    const batch = await Promise.all([1, 2, 3].map(() => mutation({ body: note(NOOKEN) })));
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (error: unknown) => errors.push(error);
    onTestFinished(() => {
      console.error = original;
    });

    const reply = await push(api, batch);

    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({
      error: 'internal',
      message: 'Internal server error',
      requestId: reply.headers.get('x-request-id'),
    });
    expect(errors).toHaveLength(1);
    for (const m of batch) expect(await server.store.history(m.id)).toEqual([]);
    // The device retries the same batch: now it all goes in, none as a duplicate.
    const retry = await push(api, batch);
    expect(retry.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
  });
});
