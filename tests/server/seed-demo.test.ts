/**
 * `npm run seed:demo`: the demo goes through the device repository and the real sync
 * engine to a real server, is valid, clearly marked, written once however often it runs
 * (by whichever account), and `--remove` takes exactly it away again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../scripts/seed-demo.ts';
import { recordTypeDefinition } from '../../src/domain/record-types.ts';
import { freshServer, PASSWORD, SEEDED, signedInUser, territoryId } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Pulled = {
  id: string;
  type: string;
  deleted: boolean;
  updatedBy: string;
  body: Record<string, unknown>;
}[];

describe('demo seed', () => {
  it('writes a marked, valid demo once, through sync, and removes it again', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const admin = await signedInUser(server, 'admin');
    const all = async () =>
      (await admin.api.get(`/api/sync/pull?since=${SEEDED}&limit=500`)).body.changes as Pulled;
    const run = (username: string, remove = false) =>
      seedDemo({ url: server.url, username, password: PASSWORD, remove });

    const first = await run(admin.user.username);
    expect(first.parked).toEqual([]);
    expect(first.written).toBeGreaterThan(30);
    expect(first.pushed).toBe(first.written);
    const demo = await all();
    expect(demo).toHaveLength(first.written);
    const count = (type: string) => demo.filter((r) => r.type === type).length;
    expect(count('territory')).toBe(6);
    expect(count('hearing')).toBe(18);
    expect(count('lessons-note')).toBe(6);
    expect(count('milestone')).toBeGreaterThan(10);
    for (const record of demo) {
      expect(record.updatedBy).toBe(admin.user.username);
      expect(recordTypeDefinition(record.type)?.schema.safeParse(record.body).success).toBe(true);
      const marked = JSON.stringify(record.body);
      expect(marked, `${record.type} ${record.id}`).toMatch(/ДЕМО|DEMO/);
    }
    const nooken = territoryId('nooken');
    const aksy = territoryId('aksy');
    expect(
      demo
        .filter((r) => r.type === 'hearing')
        .every((r) => [nooken, aksy].includes(r.body.districtId as string)),
    ).toBe(true);

    // Again, and as a consultant of Aksy: the same records, so nothing new is sent.
    expect(await run(admin.user.username)).toMatchObject({ written: 0, pushed: 0 });
    const consultant = await signedInUser(server, 'consultant', [aksy]);
    const theirs = await run(consultant.user.username);
    expect(theirs).toMatchObject({ written: 0, pushed: 0, parked: [] });
    expect(theirs.unchanged).toBeGreaterThan(5);
    expect(await all()).toHaveLength(first.written);

    const removed = await run(admin.user.username, true);
    expect(removed.removed).toBe(first.written);
    expect(removed.parked).toEqual([]);
    const after = await all();
    expect(after.filter((r) => !r.deleted)).toEqual([]);
  });

  it('says when the account cannot sign in', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    await expect(
      seedDemo({ url: server.url, username: 'nobody', password: 'wrong-password' }),
    ).rejects.toThrow(/sign-in as nobody .* failed: HTTP 401/);
  });
});
