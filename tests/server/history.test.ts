import { describe, expect, it, onTestFinished } from 'vitest';
import type { RecordHistory } from '../../src/domain/record-history.ts';
import {
  client,
  freshServer,
  mutation,
  note,
  push,
  signedInUser,
  territoryId,
  uuidv7,
} from './helpers.ts';

const historyOf = (id: string) => `/api/records/${id}/history`;

describe('GET /api/records/:id/history', () => {
  it('lists every version oldest first, conflicts included, with who wrote them', async () => {
    const server = await freshServer(onTestFinished);
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const id = uuidv7();
    const first = await push(aida.api, [
      await mutation({ id, body: note(territoryId('nooken'), 'One') }),
    ]);
    const rev1 = first.body.results[0].rev as number;
    const second = await push(aida.api, [
      await mutation({ id, baseRev: rev1, body: note(territoryId('nooken'), 'Two') }),
    ]);
    const rev2 = second.body.results[0].rev as number;
    // A device that missed "Two" sends its own change on the old base: kept as a conflict.
    const stale = await push(aida.api, [
      await mutation({ id, baseRev: rev1, body: note(territoryId('nooken'), 'Stale') }),
    ]);
    expect(stale.body.results[0].status).toBe('conflict');

    const reply = await aida.api.get<RecordHistory>(historyOf(id));

    expect(reply.status).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.body).toMatchObject({ id, type: 'lessons-note', createdBy: aida.user.username });
    expect(reply.body.versions.map((v) => [v.kind, v.body.title, v.updatedBy, v.deleted])).toEqual([
      ['applied', 'One', aida.user.username, false],
      ['applied', 'Two', aida.user.username, false],
      ['conflict', 'Stale', aida.user.username, false],
    ]);
    expect(reply.body.versions[0]).toMatchObject({
      rev: rev1,
      updatedByName: aida.user.displayName,
    });
    expect(reply.body.versions[1]?.rev).toBe(rev2);
    expect(typeof reply.body.versions[0]?.updatedAt).toBe('string');
  });

  it('shows a record only to those who may pull it; others get 404 as for no record', async () => {
    const server = await freshServer(onTestFinished);
    const aida = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const other = await signedInUser(server, 'consultant', [territoryId('aksy')]);
    const coordinator = await signedInUser(server, 'coordinator');
    const admin = await signedInUser(server, 'admin');
    const id = uuidv7();
    await push(aida.api, [await mutation({ id, body: note(territoryId('nooken')) })]);

    const theirs = await other.api.get(historyOf(id));
    const missing = await other.api.get(historyOf(uuidv7()));
    expect(theirs.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);

    for (const { api } of [coordinator, admin]) {
      const reply = await api.get<RecordHistory>(historyOf(id));
      expect(reply.status).toBe(200);
      expect(reply.body.versions).toHaveLength(1);
    }
  });

  it('shows reference data to every consultant', async () => {
    const server = await freshServer(onTestFinished);
    const consultant = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const reply = await consultant.api.get<RecordHistory>(historyOf(territoryId('nooken')));
    expect(reply.status).toBe(200);
    expect(reply.body.type).toBe('territory');
    expect(reply.body.versions[0]?.kind).toBe('applied');
  });

  it("leaves out a moved record's versions from a district the consultant does not have", async () => {
    const server = await freshServer(onTestFinished);
    const coordinator = await signedInUser(server, 'coordinator');
    const inB = await signedInUser(server, 'consultant', [territoryId('aksy')]);
    const inA = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const id = uuidv7();
    const first = await push(coordinator.api, [
      await mutation({ id, body: note(territoryId('nooken'), 'Secret in A') }),
    ]);
    await push(coordinator.api, [
      await mutation({
        id,
        baseRev: first.body.results[0].rev,
        body: note(territoryId('aksy'), 'Moved to B'),
      }),
    ]);

    const reply = await inB.api.get<RecordHistory>(historyOf(id));
    expect(reply.status).toBe(200);
    expect(reply.body.versions.map((v) => v.body.title)).toEqual(['Moved to B']);
    expect(JSON.stringify(reply.body)).not.toContain('Secret in A');
    // The old district no longer holds the record: as for any record it cannot pull.
    expect((await inA.api.get(historyOf(id))).status).toBe(404);
    const all = await coordinator.api.get<RecordHistory>(historyOf(id));
    expect(all.body.versions).toHaveLength(2);
  });

  it('answers 400 for an id that is not a UUID and 401 without a valid token', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'coordinator');
    const bad = await api.get(historyOf('not-a-uuid'));
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid', path: ['id'] });

    const anonymous = await client(server.url).get(historyOf(uuidv7()));
    expect(anonymous.status).toBe(401);
    const forged = await client(server.url, 'x'.repeat(40)).get(historyOf(uuidv7()));
    expect(forged.status).toBe(401);
    // And the server goes on answering.
    expect((await api.get('/api/health')).status).toBe(200);
  });

  it('keeps a tombstone in the history as a deleted version', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const id = uuidv7();
    const first = await push(api, [await mutation({ id, body: note(territoryId('nooken')) })]);
    await push(api, [
      await mutation({
        id,
        op: 'delete',
        baseRev: first.body.results[0].rev,
        body: note(territoryId('nooken')),
      }),
    ]);
    const reply = await api.get<RecordHistory>(historyOf(id));
    expect(reply.body.versions.map((v) => v.deleted)).toEqual([false, true]);
  });
});
