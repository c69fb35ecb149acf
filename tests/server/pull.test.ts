import { describe, expect, it, onTestFinished } from 'vitest';
import type { ServerRecord } from '../../src/domain/sync-protocol.ts';
import { freshServer, mutation, note, push, signedInUser, uuidv7 } from './helpers.ts';

const titles = (changes: ServerRecord[]) => changes.map((record) => record.body.title);

// Servers without the seeded reference data, so revisions count from 1.
describe('pull', () => {
  it('pages through changes in revision order, tombstones included', async () => {
    const server = await freshServer(onTestFinished, { seed: false });
    const { api } = await signedInUser(server, 'coordinator');
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const first = await Promise.all(
      ids.map((id, i) => mutation({ id, body: note('district-a', `Note ${i}`) })),
    );
    await push(api, first);
    // Deleting the first record moves it to the end: rev 4.
    await push(api, [
      await mutation({ id: ids[0], op: 'delete', baseRev: 1, body: note('district-a', 'Note 0') }),
    ]);

    const page1 = await api.get('/api/sync/pull?since=0&limit=2');
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ cursor: 3, hasMore: true });
    expect(page1.body.changes.map((r: ServerRecord) => r.rev)).toEqual([2, 3]);
    expect(titles(page1.body.changes)).toEqual(['Note 1', 'Note 2']);

    const page2 = await api.get(`/api/sync/pull?since=${page1.body.cursor}&limit=2`);
    expect(page2.body).toMatchObject({ cursor: 4, hasMore: false });
    expect(page2.body.changes).toEqual([
      expect.objectContaining({
        id: ids[0],
        rev: 4,
        deleted: true,
        body: note('district-a', 'Note 0'),
      }),
    ]);

    const empty = await api.get('/api/sync/pull?since=4');
    expect(empty.body).toEqual({ changes: [], cursor: 4, hasMore: false });
  });

  it('sends every field of a ServerRecord', async () => {
    const server = await freshServer(onTestFinished, { seed: false });
    const { api, user } = await signedInUser(server, 'coordinator');
    const m = await mutation({ body: note('district-a', 'Кочкор-Ата: ң ө ү') });
    await push(api, [m]);

    const { body } = await api.get('/api/sync/pull');

    expect(body.changes).toEqual([
      {
        id: m.id,
        type: 'lessons-note',
        rev: 1,
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        updatedBy: user.username,
        deleted: false,
        schemaVersion: 1,
        body: m.body,
      },
    ]);
  });

  it('gzips a large page', async () => {
    const server = await freshServer(onTestFinished, { seed: false });
    const { api, token } = await signedInUser(server, 'coordinator');
    await push(
      api,
      await Promise.all(Array.from({ length: 20 }, () => mutation({ body: note('district-a') }))),
    );

    const response = await fetch(`${server.url}/api/sync/pull`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    });

    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await response.json()).changes).toHaveLength(20);
  });

  it.each(['since=abc', 'since=-1', 'since=1.5', 'limit=0', 'limit=501', 'limit=ten'])(
    'refuses %s with 400',
    async (query) => {
      const server = await freshServer(onTestFinished, { seed: false });
      const { api } = await signedInUser(server, 'coordinator');
      const reply = await api.get(`/api/sync/pull?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ error: 'invalid', path: [query.split('=')[0]] });
    },
  );
});
