/** Photos and scans are read like the records that name them (trust issue, point 5). */
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { MIGRATIONS } from '../../server/store/migrations.ts';
import { DATABASE_FILE, migrate } from '../../server/store/sqlite-store.ts';
import { newHearing } from '../../src/domain/hearing.ts';
import {
  freshServer,
  makeTempDir,
  mutation,
  push,
  removeDir,
  signedInUser,
  type TestServer,
  territoryId,
} from './helpers.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const aksy = territoryId('aksy');
const kerben = territoryId('kerben');
const nooken = territoryId('nooken');

async function putBlob(server: TestServer, token: string, bytes: Uint8Array) {
  const response = await fetch(`${server.url}/api/blobs/${sha256(bytes)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return response.status;
}

async function read(server: TestServer, token: string, name: string, method = 'GET') {
  const response = await fetch(`${server.url}/api/blobs/${name}`, {
    method,
    headers: { authorization: `Bearer ${token}` },
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { status: response.status, bytes, cacheControl: response.headers.get('cache-control') };
}

/** An Aksy hearing whose attendance sheet photo was uploaded by the Aksy consultant. */
async function aksySheet(server: TestServer) {
  const aksyConsultant = await signedInUser(server, 'consultant', [aksy]);
  const bytes = randomBytes(20_000);
  const name = sha256(bytes);
  expect(await putBlob(server, aksyConsultant.token, bytes)).toBe(201);
  const hearing = {
    ...newHearing({ districtId: aksy, municipalityId: kerben }, new Date('2025-04-14T10:00:00')),
    photos: [{ sha256: name, kind: 'attendance-sheet' as const }],
  };
  const m = await mutation({ type: 'hearing', body: hearing });
  expect((await push(aksyConsultant.api, [m])).body.results[0]).toMatchObject({
    status: 'applied',
  });
  return { aksyConsultant, bytes, name, hearingId: m.id };
}

describe('blobs scoped like records', () => {
  it('serves an Aksy attendance sheet to Aksy, coordinators and its uploader; never to Nooken', async () => {
    const server = await freshServer(onTestFinished);
    const { aksyConsultant, bytes, name } = await aksySheet(server);
    const secondAksy = await signedInUser(server, 'consultant', [aksy]);
    const coordinator = await signedInUser(server, 'coordinator');
    const admin = await signedInUser(server, 'admin');
    const nookenConsultant = await signedInUser(server, 'consultant', [nooken]);

    const [nookenGet, nookenHead, ...allowed] = await Promise.all([
      read(server, nookenConsultant.token, name),
      read(server, nookenConsultant.token, name, 'HEAD'),
      read(server, aksyConsultant.token, name),
      read(server, secondAksy.token, name),
      read(server, coordinator.token, name),
      read(server, admin.token, name, 'HEAD'),
    ]);
    // The same answer as for a blob that does not exist: nothing is revealed.
    const missing = await read(server, nookenConsultant.token, 'f'.repeat(64));
    expect(nookenGet.status).toBe(404);
    expect(nookenHead.status).toBe(404);
    expect(Buffer.from(nookenGet.bytes).toString()).toBe(Buffer.from(missing.bytes).toString());
    for (const reply of allowed) expect(reply.status).toBe(200);
    expect(Buffer.from(allowed[0]?.bytes ?? []).equals(bytes)).toBe(true);
    expect(allowed[0]?.cacheControl).toBe('private, no-store');

    // The chunked-upload status does not tell Nooken it exists either.
    const status = await fetch(`${server.url}/api/blobs/${name}/upload`, {
      headers: { authorization: `Bearer ${nookenConsultant.token}` },
    });
    expect(await status.json()).toMatchObject({ complete: false, offset: 0 });
  });

  it('serves an uploader what they uploaded, before any record names it', async () => {
    const server = await freshServer(onTestFinished);
    const uploader = await signedInUser(server, 'consultant', [nooken]);
    const other = await signedInUser(server, 'consultant', [nooken]);
    const bytes = randomBytes(5_000);
    expect(await putBlob(server, uploader.token, bytes)).toBe(201);
    expect((await read(server, uploader.token, sha256(bytes))).status).toBe(200);
    expect((await read(server, other.token, sha256(bytes))).status).toBe(404);
    expect(await server.store.isBlobReferenced(sha256(bytes))).toBe(false);
  });

  it('takes the same bytes again from someone who could not see them, who may read them after', async () => {
    const server = await freshServer(onTestFinished);
    const { bytes, name } = await aksySheet(server);
    const nookenConsultant = await signedInUser(server, 'consultant', [nooken]);
    expect((await read(server, nookenConsultant.token, name, 'HEAD')).status).toBe(404);

    expect(await putBlob(server, nookenConsultant.token, bytes)).toBe(200);
    const after = await read(server, nookenConsultant.token, name);
    expect(after.status).toBe(200);
    expect(Buffer.from(after.bytes).equals(bytes)).toBe(true);
  });

  it('keeps the record → blob index as records change, and answers isBlobReferenced', async () => {
    const server = await freshServer(onTestFinished);
    const { aksyConsultant, name, hearingId } = await aksySheet(server);
    expect(await server.store.isBlobReferenced(name)).toBe(true);

    const without = newHearing({ districtId: aksy, municipalityId: kerben }, new Date());
    const m = await mutation({ type: 'hearing', id: hearingId, baseRev: 0, body: without });
    const head = (await server.store.history(hearingId)).at(-1);
    const edit = { ...m, baseRev: head?.rev ?? 0 };
    expect((await push(aksyConsultant.api, [edit])).body.results[0]).toMatchObject({
      status: 'applied',
    });
    expect(await server.store.isBlobReferenced(name)).toBe(false);
    // Still the uploader's to read.
    expect((await read(server, aksyConsultant.token, name)).status).toBe(200);
  });

  it('fills the index for records stored before it existed', () => {
    const dir = makeTempDir();
    onTestFinished(() => removeDir(dir));
    const db = new DatabaseSync(path.join(dir, DATABASE_FILE));
    for (const [index, sql] of MIGRATIONS.slice(0, 3).entries()) {
      db.exec(sql);
      db.exec(`PRAGMA user_version = ${index + 1}`);
    }
    const photo = 'a'.repeat(64);
    const body = JSON.stringify({ photos: [{ sha256: photo }], answers: { x: { photo: 'b' } } });
    db.prepare(
      `INSERT INTO records (id, type, rev, district_id, updated_at, updated_by, schema_version, body)
       VALUES ('r1', 'hearing', 1, 'd', 'now', 'u', 1, ?)`,
    ).run(body);
    db.exec(`INSERT INTO blobs VALUES ('${photo}', 1, 'image/jpeg', 'now', 'user-1')`);
    migrate(db);
    expect(db.prepare('SELECT sha256, record_id FROM record_blobs').all()).toEqual([
      { sha256: photo, record_id: 'r1' },
    ]);
    expect(db.prepare('SELECT sha256, user_id FROM blob_uploaders').all()).toEqual([
      { sha256: photo, user_id: 'user-1' },
    ]);
    db.close();
  });
});
