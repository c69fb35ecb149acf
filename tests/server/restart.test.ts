import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  client,
  makeTempDir,
  mutation,
  note,
  PASSWORD,
  push,
  removeDir,
  SEEDED,
  signedInUser,
  startTestServer,
  territoryId,
  uuidv7,
} from './helpers.ts';

describe('restart', () => {
  it('keeps records, history, retries, accounts and tokens across a restart', async () => {
    const dir = makeTempDir();
    onTestFinished(() => removeDir(dir));
    const dataDir = path.join(dir, 'data');
    const first = await startTestServer({ dataDir });
    const { api, token, user } = await signedInUser(first, 'coordinator');
    const id = uuidv7();
    const created = await mutation({ id, body: note(territoryId('nooken'), 'First') });
    const deleted = await mutation({
      id,
      op: 'delete',
      baseRev: SEEDED + 1,
      body: note(territoryId('nooken'), 'First'),
    });
    const others = await Promise.all(
      [1, 2, 3].map(() => mutation({ body: note(territoryId('aksy')) })),
    );
    await push(api, [created, deleted, ...others]);
    await first.close();

    const second = await startTestServer({ dataDir });
    onTestFinished(() => second.close());
    const again = client(second.url, token);

    expect((await again.get('/api/me')).body.username).toBe(user.username);
    const pulled = await again.get(`/api/sync/pull?since=${SEEDED}`);
    expect(pulled.body.changes).toHaveLength(4);
    expect(pulled.body).toMatchObject({ cursor: SEEDED + 5, hasMore: false });
    expect(pulled.body.changes.find((r: { id: string }) => r.id === id)).toMatchObject({
      deleted: true,
      rev: SEEDED + 2,
    });
    expect(await second.store.history(id)).toHaveLength(2);
    const retry = await push(again, [created]);
    expect(retry.body.results[0]).toMatchObject({ status: 'duplicate', rev: SEEDED + 1 });
    const next = await push(again, [await mutation({ body: note(territoryId('nooken')) })]);
    expect(next.body.results[0].rev).toBe(SEEDED + 6);
    const login = await client(second.url).post('/api/auth/login', {
      username: user.username,
      password: PASSWORD,
    });
    expect(login.status).toBe(200);
  });
});
