/** Per-account fair-use limits over real HTTP: pushes, uploads, bytes, unreferenced blobs, clean-up. */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { blobPath } from '../../server/blobs/blob-files.ts';
import { filesBlobBytes } from '../../server/blobs/file-blob-bytes.ts';
import { removeUnreferencedBlobs } from '../../server/blobs/unreferenced-blobs.ts';
import { contentRange } from '../../src/domain/blob-upload.ts';
import {
  fakeClock,
  freshServer,
  mutation,
  note,
  push,
  signedInUser,
  territoryId,
} from './helpers.ts';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function putBlob(url: string, token: string, bytes: Uint8Array) {
  return fetch(`${url}/api/blobs/${sha256(bytes)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
}

/** One chunk of `bytes`, from `start` up to (not including) `end`. */
function patchChunk(url: string, token: string, bytes: Uint8Array, start: number, end: number) {
  return fetch(`${url}/api/blobs/${sha256(bytes)}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'image/jpeg',
      'content-range': contentRange(start, end, bytes.length),
    },
    body: bytes.slice(start, end) as Uint8Array<ArrayBuffer>,
  });
}

/** A note naming the blob: the record a device pushes after uploading its photo. */
/** A council approval whose signed resolution is the blob: a record that names it. */
const naming = (sha: string) =>
  mutation({
    type: 'milestone',
    body: {
      districtId: territoryId('nooken'),
      territoryId: territoryId('nooken'),
      kind: 'approved',
      date: '2026-11-01',
      resolutionNumber: '12',
      attachment: sha,
    },
  });

async function expectRateLimited(response: Response) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(await response.json()).toMatchObject({ error: 'rate_limited' });
}

describe('fair use', () => {
  it('refuses pushes beyond the limit per minute with 429 and Retry-After, then takes them', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      fairUse: { pushesPerMinute: 5 },
    });
    const { api } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const batches = await Promise.all(
      Array.from({ length: 8 }, async () => [
        await mutation({ body: note(territoryId('nooken')) }),
      ]),
    );
    const replies = await Promise.all(batches.map((batch) => push(api, batch)));
    const statuses = replies.map((reply) => reply.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const refused = replies.flatMap((reply, index) => (reply.status === 429 ? [index] : []));
    for (const index of refused) {
      const reply = replies[index];
      expect(reply?.body).toMatchObject({ error: 'rate_limited' });
      expect(Number(reply?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(reply?.headers.get('retry-after'))).toBeLessThanOrEqual(60);
      // Nothing of a refused push is stored: the device still holds it and sends it again.
      const id = batches[index]?.[0]?.id ?? '';
      expect(await server.store.history(id)).toHaveLength(0);
    }
    clock.advance(MINUTE);
    const again = await push(api, batches[refused[0] ?? 0] ?? []);
    expect(again.status).toBe(200);
    expect(again.body.results[0].status).toBe('applied');
  }, 60_000);

  it('counts uploads per minute, PUT and chunked PATCH alike, per account', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      fairUse: { uploadsPerMinute: 3 },
    });
    const { token } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const other = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const blobs = Array.from({ length: 5 }, () => randomBytes(1000));
    const replies = await Promise.all(blobs.map((bytes) => putBlob(server.url, token, bytes)));
    expect(replies.map((reply) => reply.status).sort()).toEqual([201, 201, 201, 429, 429]);
    await expectRateLimited(replies.find((reply) => reply.status === 429) as Response);
    // Another account has its own count.
    expect((await putBlob(server.url, other.token, randomBytes(1000))).status).toBe(201);

    clock.advance(MINUTE);
    const big = randomBytes(3000);
    expect((await patchChunk(server.url, token, big, 0, 1000)).status).toBe(200);
    expect((await patchChunk(server.url, token, big, 1000, 2000)).status).toBe(200);
    expect((await putBlob(server.url, token, randomBytes(100))).status).toBe(201);
    await expectRateLimited(await patchChunk(server.url, token, big, 2000, 3000));
    clock.advance(MINUTE);
    expect((await patchChunk(server.url, token, big, 2000, 3000)).status).toBe(201);
  }, 60_000);

  it('refuses uploaded bytes beyond the daily total until the next day', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      fairUse: { uploadBytesPerDay: 100_000 },
    });
    const { token } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    expect((await putBlob(server.url, token, randomBytes(60_000))).status).toBe(201);
    const second = randomBytes(60_000);
    const refused = await putBlob(server.url, token, second);
    await expectRateLimited(refused);
    expect(existsSync(blobPath(server.dataDir, sha256(second)))).toBe(false);
    clock.advance(DAY);
    expect((await putBlob(server.url, token, second)).status).toBe(201);
  }, 60_000);

  it('limits uploads no record names, and stops counting those a record names', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, {
      now: clock.now,
      fairUse: { unreferencedUploadsPerDay: 2 },
    });
    const { api, token } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const [a, b, c, d] = Array.from({ length: 4 }, () => randomBytes(500));
    if (!a || !b || !c || !d) throw new Error('four blobs');
    expect((await putBlob(server.url, token, a)).status).toBe(201);
    clock.advance(1000);
    expect((await putBlob(server.url, token, b)).status).toBe(201);
    await expectRateLimited(await putBlob(server.url, token, c));
    // The chunked way is refused as well, before any byte is kept.
    await expectRateLimited(await patchChunk(server.url, token, c, 0, 100));

    // The device pushes the record naming the first photo: it no longer counts.
    const named = await push(api, [await naming(sha256(a))]);
    expect(named.body.results[0].status).toBe('applied');
    expect((await putBlob(server.url, token, c)).status).toBe(201);
    await expectRateLimited(await putBlob(server.url, token, d));
    // A day after the oldest unnamed upload, there is room again.
    clock.advance(DAY);
    expect((await putBlob(server.url, token, d)).status).toBe(201);
  }, 60_000);

  it('removes week-old blobs nobody names, keeping named and fresh ones', async () => {
    const clock = fakeClock();
    const server = await freshServer(onTestFinished, { now: clock.now });
    const { api, token } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const [orphan, named, inConflict, fresh] = Array.from({ length: 4 }, () => randomBytes(500));
    if (!orphan || !named || !inConflict || !fresh) throw new Error('four blobs');
    for (const bytes of [orphan, named, inConflict]) {
      expect((await putBlob(server.url, token, bytes)).status).toBe(201);
    }
    const record = await naming(sha256(named));
    expect((await push(api, [record])).body.results[0].status).toBe('applied');
    // Named only by a conflict version, kept in the record's history.
    const stale = { ...(await naming(sha256(inConflict))), id: record.id };
    expect((await push(api, [stale])).body.results[0].status).toBe('conflict');
    clock.advance(8 * DAY);
    expect((await putBlob(server.url, token, fresh)).status).toBe(201);

    const removed = await removeUnreferencedBlobs(
      server.store,
      filesBlobBytes(server.dataDir),
      7 * DAY,
    );
    expect(removed).toBe(1);
    expect(await server.store.blobInfo(sha256(orphan))).toBeUndefined();
    expect(existsSync(blobPath(server.dataDir, sha256(orphan)))).toBe(false);
    for (const bytes of [named, inConflict, fresh]) {
      expect(await server.store.blobInfo(sha256(bytes))).toBeDefined();
      expect(existsSync(blobPath(server.dataDir, sha256(bytes)))).toBe(true);
    }
    // A device asking for the removed one hears it is missing, and would upload it again.
    const head = await fetch(`${server.url}/api/blobs/${sha256(orphan)}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(head.status).toBe(404);
  }, 60_000);

  it('keeps the latest 20 conflict versions of a record and every applied one', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const first = await mutation({ body: note(territoryId('nooken'), 'v1') });
    const rev1 = (await push(api, [first])).body.results[0].rev as number;
    const second = await mutation({
      id: first.id,
      baseRev: rev1,
      body: note(territoryId('nooken'), 'v2'),
    });
    const rev2 = (await push(api, [second])).body.results[0].rev as number;
    // 30 stale versions, in batches as a device would send them.
    for (let batch = 0; batch < 3; batch += 1) {
      const stale = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          mutation({
            id: first.id,
            baseRev: rev1,
            body: note(territoryId('nooken'), `stale ${batch * 10 + i}`),
          }),
        ),
      );
      const reply = await push(api, stale);
      expect(reply.body.results.map((r: { status: string }) => r.status)).toEqual(
        stale.map(() => 'conflict'),
      );
    }
    const history = await server.store.history(first.id);
    const applied = history.filter((version) => version.kind === 'applied');
    const conflicts = history.filter((version) => version.kind === 'conflict');
    expect(applied.map((version) => version.rev)).toEqual([rev1, rev2]);
    expect(conflicts).toHaveLength(20);
    expect(conflicts.map((version) => version.body.title)).toEqual(
      Array.from({ length: 20 }, (_, i) => `stale ${i + 10}`),
    );
  }, 60_000);
});
