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

const notes = (changes: ServerRecord[]) => changes.filter((r) => r.type === 'lessons-note');

describe('district scoping', () => {
  it('lets a consultant write only in their districts', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [
      territoryId('nooken'),
      territoryId('aksy'),
    ]);
    const mine = await mutation({ body: note(territoryId('nooken')) });
    const other = await mutation({ body: note(territoryId('talas-district')) });

    const reply = await push(api, [mine, other]);

    expect(reply.body.results).toMatchObject([
      { mutationId: mine.mutationId, status: 'applied' },
      { mutationId: other.mutationId, status: 'rejected', error: { code: 'forbidden' } },
    ]);
    expect(await server.store.history(other.id)).toEqual([]);
  });

  it('does not let a consultant move a record out of, or take one from, another district', async () => {
    const server = await freshServer(onTestFinished);
    const coordinator = await signedInUser(server, 'coordinator');
    const consultant = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const theirs = uuidv7();
    const mine = uuidv7();
    await push(coordinator.api, [
      await mutation({ id: theirs, body: note(territoryId('talas-district')) }),
      await mutation({ id: mine, body: note(territoryId('nooken')) }),
    ]);

    const reply = await push(consultant.api, [
      await mutation({ id: theirs, baseRev: 1, body: note(territoryId('nooken'), 'Taken over') }),
      await mutation({
        id: mine,
        baseRev: 2,
        body: note(territoryId('talas-district'), 'Moved away'),
      }),
    ]);

    expect(reply.body.results.map((r: { error?: { code: string } }) => r.error?.code)).toEqual([
      'forbidden',
      'forbidden',
    ]);
    // Refused before the revision check, so no `current` of another district leaks.
    expect(reply.body.results[0].current).toBeUndefined();
  });

  it('lets admins and coordinators write in any district', async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const coordinator = await signedInUser(server, 'coordinator');
    for (const { api } of [admin, coordinator]) {
      const reply = await push(api, [await mutation({ body: note(territoryId('manas')) })]);
      expect(reply.body.results[0]).toMatchObject({ status: 'applied' });
    }
  });

  it('pulls for a consultant only the records of their districts', async () => {
    const server = await freshServer(onTestFinished);
    const coordinator = await signedInUser(server, 'coordinator');
    const consultant = await signedInUser(server, 'consultant', [
      territoryId('nooken'),
      territoryId('kemin'),
    ]);
    await push(coordinator.api, [
      await mutation({ body: note(territoryId('nooken'), 'A') }),
      await mutation({ body: note(territoryId('aksy'), 'B') }),
      await mutation({ body: note(territoryId('kemin'), 'C') }),
    ]);

    const theirs = await consultant.api.get('/api/sync/pull');
    const all = await coordinator.api.get('/api/sync/pull');

    const titles = (changes: ServerRecord[]) => notes(changes).map((r) => r.body.title);
    expect(titles(theirs.body.changes)).toEqual(['A', 'C']);
    expect(theirs.body).toMatchObject({ cursor: SEEDED + 3, hasMore: false });
    expect(titles(all.body.changes)).toEqual(['A', 'B', 'C']);
    // Reference data (seeded territories and work plan) goes to everyone.
    expect(theirs.body.changes.filter((r: ServerRecord) => r.type !== 'lessons-note')).toHaveLength(
      SEEDED,
    );
  });

  it('follows a change of districts at once, without signing in again', async () => {
    const server = await freshServer(onTestFinished);
    const coordinator = await signedInUser(server, 'coordinator');
    const consultant = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    await push(coordinator.api, [await mutation({ body: note(territoryId('aksy'), 'B') })]);
    expect(notes((await consultant.api.get('/api/sync/pull')).body.changes)).toHaveLength(0);

    await server.store.setDistricts(consultant.user.id, [
      territoryId('nooken'),
      territoryId('aksy'),
    ]);

    expect(notes((await consultant.api.get('/api/sync/pull')).body.changes)).toHaveLength(1);
    expect((await consultant.api.get('/api/me')).body.districtIds).toEqual(
      [territoryId('nooken'), territoryId('aksy')].sort(),
    );
  });
});
