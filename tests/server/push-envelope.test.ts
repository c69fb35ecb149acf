import { describe, expect, it, onTestFinished } from 'vitest';
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

interface Result {
  mutationId: string;
  status: string;
  rev?: number;
  error?: { code: string; message: string; path?: (string | number)[] };
}

const NOOKEN = territoryId('nooken');

const goodOnes = (n: number) =>
  Promise.all(Array.from({ length: n }, (_, i) => mutation({ body: note(NOOKEN, `Good ${i}`) })));

// Each change's envelope is judged on its own: one bad change never fails its batch.
describe('push: one bad change in a batch of 100', () => {
  const cases: [string, (m: Record<string, unknown>) => Record<string, unknown>, string][] = [
    ['a bad id', (m) => ({ ...m, id: 'not-a-uuid' }), 'id'],
    ['a bad type', (m) => ({ ...m, type: 'Not A Type!' }), 'type'],
    ['a malformed hash', (m) => ({ ...m, hash: 'abc' }), 'hash'],
    ['a negative baseRev', (m) => ({ ...m, baseRev: -1 }), 'baseRev'],
    ['a baseRev that is not a number', (m) => ({ ...m, baseRev: '0' }), 'baseRev'],
    ['an unknown op', (m) => ({ ...m, op: 'merge' }), 'op'],
    ['a body that is not an object', (m) => ({ ...m, body: [1, 2] }), 'body'],
  ];

  for (const [name, spoil, field] of cases) {
    it(`applies the other 99 around ${name} and refuses it alone, naming ${field}`, async () => {
      const server = await freshServer(onTestFinished);
      const { api } = await signedInUser(server, 'coordinator');
      const good = await goodOnes(99);
      const bad = spoil(await mutation({ body: note(NOOKEN, 'Bad') }));
      const batch = [...good.slice(0, 40), bad, ...good.slice(40)];

      const reply = await push(api, batch);

      expect(reply.status).toBe(200);
      const results = reply.body.results as Result[];
      expect(results).toHaveLength(100);
      expect(results[40]).toMatchObject({
        mutationId: bad.mutationId,
        status: 'rejected',
        error: { code: 'invalid', path: [field] },
      });
      expect(results[40]?.error?.message).toEqual(expect.any(String));
      const others = results.filter((_, i) => i !== 40);
      expect(others.map((r) => r.status)).toEqual(Array(99).fill('applied'));
      expect(others.map((r) => r.mutationId)).toEqual(good.map((m) => m.mutationId));
      for (const m of good) expect(await server.store.history(m.id)).toHaveLength(1);
      if (typeof bad.id === 'string') expect(await server.store.history(bad.id)).toEqual([]);
    });
  }

  it('a retried batch gets duplicate for the good changes and the same refusal for the bad one', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const good = await goodOnes(3);
    const bad = { ...(await mutation({ body: note(NOOKEN) })), id: 'nope' };

    const first = await push(api, [good[0], bad, good[1], good[2]]);
    const retry = await push(api, [good[0], bad, good[1], good[2]]);

    expect((first.body.results as Result[]).map((r) => r.status)).toEqual([
      'applied',
      'rejected',
      'applied',
      'applied',
    ]);
    expect(retry.body.results).toEqual(
      (first.body.results as Result[]).map((r) =>
        r.status === 'applied' ? { ...r, status: 'duplicate' } : r,
      ),
    );
    // The refusal was not remembered, so its id is not used up: the device's later,
    // corrected change under the same mutationId goes in.
    const fixed = await mutation({ body: note(NOOKEN), mutationId: bad.mutationId });
    const later = await push(api, [fixed]);
    expect(later.body.results[0]).toMatchObject({ mutationId: bad.mutationId, status: 'applied' });
  });

  it('echoes an unusable mutationId when it is a string, and never stores it as a key', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const [good] = await goodOnes(1);
    const base = await mutation({ body: note(NOOKEN) });
    const stringId = { ...base, mutationId: 'first-try' };
    const numberId = { ...base, id: uuidv7(), mutationId: 7 };
    const noId: Record<string, unknown> = { ...base, id: uuidv7() };
    delete noId.mutationId;

    const reply = await push(api, [stringId, numberId, noId, good]);
    const again = await push(api, [stringId, numberId, noId]);

    expect(reply.status).toBe(200);
    expect(reply.body.results).toMatchObject([
      {
        mutationId: 'first-try',
        status: 'rejected',
        error: { code: 'invalid', path: ['mutationId'] },
      },
      { mutationId: '', status: 'rejected', error: { code: 'invalid', path: ['mutationId'] } },
      { mutationId: '', status: 'rejected', error: { code: 'invalid', path: ['mutationId'] } },
      { mutationId: good?.mutationId, status: 'applied' },
    ]);
    // Worked out again, the same: not replayed from a stored row, not "reused".
    expect(again.body.results).toEqual((reply.body.results as Result[]).slice(0, 3));
    expect(await server.store.history(base.id)).toEqual([]);
  });

  it('a retry of an accepted change keeps its answer even when the rest of its envelope no longer passes', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const m = await mutation({ body: note(NOOKEN) });
    const first = await push(api, [m]);
    expect(first.body.results[0]).toMatchObject({ status: 'applied', rev: SEEDED + 1 });

    // Same mutationId and hash, an envelope the server would now refuse.
    const reply = await push(api, [{ ...m, op: 'upsert' }]);

    expect(reply.body.results[0]).toEqual({
      mutationId: m.mutationId,
      status: 'duplicate',
      rev: SEEDED + 1,
    });
    expect(await server.store.history(m.id)).toHaveLength(1);
  });
});
