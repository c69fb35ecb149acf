import { describe, expect, it, onTestFinished } from 'vitest';
import type { ServerRecord } from '../../src/domain/sync-protocol.ts';
import {
  freshServer,
  mutation,
  note,
  push,
  SEEDED,
  signedInUser,
  territoryId,
  uuidv7,
} from './helpers.ts';

const titles = (changes: ServerRecord[]) => changes.map((record) => record.body.title);

// Seeded servers (district records must name a real district): revisions count on from SEEDED.
const NOOKEN = territoryId('nooken');

describe('pull', () => {
  it('pages through changes in revision order, tombstones included', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const ids = [uuidv7(), uuidv7(), uuidv7()];
    const first = await Promise.all(
      ids.map((id, i) => mutation({ id, body: note(NOOKEN, `Note ${i}`) })),
    );
    await push(api, first);
    // Deleting the first record moves it to the end: SEEDED + 4.
    await push(api, [
      await mutation({
        id: ids[0],
        op: 'delete',
        baseRev: SEEDED + 1,
        body: note(NOOKEN, 'Note 0'),
      }),
    ]);

    const page1 = await api.get(`/api/sync/pull?since=${SEEDED}&limit=2`);
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ cursor: SEEDED + 3, hasMore: true });
    expect(page1.body.changes.map((r: ServerRecord) => r.rev)).toEqual([SEEDED + 2, SEEDED + 3]);
    expect(titles(page1.body.changes)).toEqual(['Note 1', 'Note 2']);

    const page2 = await api.get(`/api/sync/pull?since=${page1.body.cursor}&limit=2`);
    expect(page2.body).toMatchObject({ cursor: SEEDED + 4, hasMore: false });
    expect(page2.body.changes).toEqual([
      expect.objectContaining({
        id: ids[0],
        rev: SEEDED + 4,
        deleted: true,
        body: note(NOOKEN, 'Note 0'),
      }),
    ]);

    const empty = await api.get(`/api/sync/pull?since=${SEEDED + 4}`);
    expect(empty.body).toEqual({ changes: [], cursor: SEEDED + 4, hasMore: false });
    // Asked for, the first page says how many changes there are from its cursor on.
    const counted = await api.get(`/api/sync/pull?since=${SEEDED}&limit=2&count=1`);
    expect(counted.body).toMatchObject({ cursor: SEEDED + 3, hasMore: true, remaining: 3 });
    const none = await api.get(`/api/sync/pull?since=${SEEDED + 4}&count=1`);
    expect(none.body).toEqual({ changes: [], cursor: SEEDED + 4, hasMore: false, remaining: 0 });
  });

  it('sends every field of a ServerRecord', async () => {
    const server = await freshServer(onTestFinished);
    const { api, user } = await signedInUser(server, 'coordinator');
    const m = await mutation({ body: note(NOOKEN, 'Кочкор-Ата: ң ө ү') });
    await push(api, [m]);

    const { body } = await api.get(`/api/sync/pull?since=${SEEDED}`);

    expect(body.changes).toEqual([
      {
        id: m.id,
        type: 'lessons-note',
        rev: SEEDED + 1,
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        updatedBy: user.username,
        deleted: false,
        schemaVersion: 1,
        body: m.body,
      },
    ]);
  });

  it('gzips a large page', async () => {
    const server = await freshServer(onTestFinished);
    const { api, token } = await signedInUser(server, 'coordinator');
    await push(
      api,
      await Promise.all(Array.from({ length: 20 }, () => mutation({ body: note(NOOKEN) }))),
    );

    const response = await fetch(`${server.url}/api/sync/pull?since=${SEEDED}`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    });

    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await response.json()).changes).toHaveLength(20);
  });

  it.each(['since=abc', 'since=-1', 'since=1.5', 'limit=0', 'limit=1001', 'limit=ten'])(
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
