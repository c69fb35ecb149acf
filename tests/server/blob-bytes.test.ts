/**
 * One contract for where blob bytes live, run against both: files under a data directory
 * (SQLite) and rows in PostgreSQL (when SEDP_TEST_DATABASE_URL names a server; each
 * PostgreSQL run uses a new schema, dropped at the end). Then two apps on one PostgreSQL
 * schema, as two server processes would be, sharing one upload.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { type BlobBytes, MAX_PARTIALS_PER_UPLOADER } from '../../server/blobs/blob-bytes.ts';
import { blobBytesFor } from '../../server/blobs/blob-bytes-for.ts';
import { filesBlobBytes } from '../../server/blobs/file-blob-bytes.ts';
import { BLOB_ROW_BYTES } from '../../server/blobs/postgres-blob-bytes.ts';
import { removeUnreferencedBlobs } from '../../server/blobs/unreferenced-blobs.ts';
import { DEFAULT_FAIR_USE } from '../../server/fair-use/fair-use.ts';
import { openPostgresStore } from '../../server/store/postgres/postgres-store.ts';
import type { Store } from '../../server/store/store.ts';
import { contentRange } from '../../src/domain/blob-upload.ts';
import { fakeClock, makeTempDir, PASSWORD, removeDir } from './helpers.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const range = (start: number, endExclusive: number, total: number) => ({
  start,
  end: endExclusive - 1,
  total,
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const pieces: Uint8Array[] = [];
  for await (const piece of stream) pieces.push(piece);
  return pieces;
}

async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');
const WEEK = 7 * 24 * 60 * 60 * 1000;

interface Engine {
  /** A new, empty place for blob bytes. */
  open(): Promise<BlobBytes>;
  /** A second handle on the same place, as another server process would have. */
  another?(): Promise<BlobBytes>;
}

function blobContract(name: string, engine: Engine) {
  describe(name, { timeout: 60_000 }, () => {
    it('writes a whole blob at once, reads it back, and writing it again changes nothing', async () => {
      const bytes = await engine.open();
      const blob = randomBytes(600_000);
      const hash = sha256(blob);
      expect(await bytes.exists(hash)).toBe(false);
      await bytes.write(hash, blob);
      expect(await bytes.exists(hash)).toBe(true);
      await bytes.write(hash, blob);
      expect(Buffer.concat(await readAll(bytes.read(hash))).equals(blob)).toBe(true);

      const streamed = randomBytes(700_001);
      await bytes.write(sha256(streamed), pieces(streamed, 100_003));
      const back = Buffer.concat(await readAll(bytes.read(sha256(streamed))));
      expect(back.equals(streamed)).toBe(true);
    });

    it('streams a 3 MB blob in pieces, never as one buffer', async () => {
      const bytes = await engine.open();
      const blob = randomBytes(3 * 1024 * 1024);
      await bytes.write(sha256(blob), blob);
      const read = await readAll(bytes.read(sha256(blob)));
      expect(read.length).toBeGreaterThan(1);
      expect(Math.max(...read.map((piece) => piece.length))).toBeLessThanOrEqual(BLOB_ROW_BYTES);
      expect(sha256(Buffer.concat(read))).toBe(sha256(blob));
    });

    it('removes a blob, and removing it again is no error', async () => {
      const bytes = await engine.open();
      const blob = randomBytes(300_000);
      await bytes.write(sha256(blob), blob);
      await bytes.remove(sha256(blob));
      expect(await bytes.exists(sha256(blob))).toBe(false);
      await bytes.remove(sha256(blob));
      await expect(readAll(bytes.read(sha256(blob)))).rejects.toThrow();
    });

    it('takes chunks only at the offset held, resumes there, and stores the verified blob', async () => {
      const bytes = await engine.open();
      const blob = randomBytes(900_000);
      const hash = sha256(blob);
      const send = (start: number, end: number) =>
        bytes.appendChunk(hash, 'aida', range(start, end, blob.length), blob.subarray(start, end));

      expect(await bytes.partialOffset(hash, 'aida')).toBe(0);
      // Not starting at 0: nothing is created.
      expect(await send(300_000, 600_000)).toEqual({ kind: 'offset_mismatch', offset: 0 });
      expect(await bytes.partialCount('aida')).toBe(0);
      expect(await send(0, 300_000)).toEqual({ kind: 'stored', offset: 300_000 });
      // A retry of the first chunk, and one skipping ahead: refused with the offset held.
      expect(await send(0, 300_000)).toEqual({ kind: 'offset_mismatch', offset: 300_000 });
      expect(await send(600_000, 900_000)).toEqual({ kind: 'offset_mismatch', offset: 300_000 });
      // After a drop, the uploader asks where to go on.
      expect(await bytes.partialOffset(hash, 'aida')).toBe(300_000);
      expect(await bytes.partialCount('aida')).toBe(1);
      expect(await bytes.exists(hash)).toBe(false);
      expect(await send(300_000, 600_000)).toEqual({ kind: 'stored', offset: 600_000 });
      expect(await send(600_000, 900_000)).toEqual({ kind: 'complete', size: 900_000 });

      expect(await bytes.exists(hash)).toBe(true);
      expect(Buffer.concat(await readAll(bytes.read(hash))).equals(blob)).toBe(true);
      expect(await bytes.partialOffset(hash, 'aida')).toBe(0);
      expect(await bytes.partialCount('aida')).toBe(0);
    });

    it('discards an upload whose bytes are not the blob it names', async () => {
      const bytes = await engine.open();
      const claimed = sha256(randomBytes(10));
      const sent = randomBytes(500_000);
      const total = sent.length;
      const first = await bytes.appendChunk(
        claimed,
        'aida',
        range(0, 250_000, total),
        sent.subarray(0, 250_000),
      );
      expect(first).toEqual({ kind: 'stored', offset: 250_000 });
      const last = await bytes.appendChunk(
        claimed,
        'aida',
        range(250_000, total, total),
        sent.subarray(250_000),
      );
      expect(last).toEqual({ kind: 'hash_mismatch' });
      expect(await bytes.exists(claimed)).toBe(false);
      expect(await bytes.partialOffset(claimed, 'aida')).toBe(0);
      expect(await bytes.partialCount('aida')).toBe(0);
    });

    it('keeps two uploaders of the same blob apart; the second to finish keeps the first copy', async () => {
      const bytes = await engine.open();
      const blob = randomBytes(400_000);
      const hash = sha256(blob);
      const send = (who: string, start: number, end: number) =>
        bytes.appendChunk(hash, who, range(start, end, blob.length), blob.subarray(start, end));

      expect(await send('aida', 0, 100_000)).toEqual({ kind: 'stored', offset: 100_000 });
      expect(await send('bakyt', 0, 50_000)).toEqual({ kind: 'stored', offset: 50_000 });
      expect(await bytes.partialOffset(hash, 'aida')).toBe(100_000);
      expect(await bytes.partialOffset(hash, 'bakyt')).toBe(50_000);
      expect(await send('aida', 100_000, 400_000)).toEqual({ kind: 'complete', size: 400_000 });
      expect(await bytes.partialOffset(hash, 'bakyt')).toBe(50_000);
      expect(await send('bakyt', 50_000, 400_000)).toEqual({ kind: 'complete', size: 400_000 });
      expect(Buffer.concat(await readAll(bytes.read(hash))).equals(blob)).toBe(true);
      expect(await bytes.partialCount('bakyt')).toBe(0);
    });

    it('discards a partial on request', async () => {
      const bytes = await engine.open();
      const blob = randomBytes(300_000);
      await bytes.appendChunk(
        sha256(blob),
        'aida',
        range(0, 1000, blob.length),
        blob.subarray(0, 1000),
      );
      await bytes.discardPartial(sha256(blob), 'aida');
      expect(await bytes.partialOffset(sha256(blob), 'aida')).toBe(0);
      await bytes.discardPartial(sha256(blob), 'aida');
    });

    it('removes partials untouched for longer than allowed, and only those', async () => {
      const bytes = await engine.open();
      const blob = randomBytes(300_000);
      await bytes.appendChunk(
        sha256(blob),
        'aida',
        range(0, 1000, blob.length),
        blob.subarray(0, 1000),
      );
      expect(await bytes.removeStalePartials(WEEK)).toBe(0);
      expect(await bytes.partialOffset(sha256(blob), 'aida')).toBe(1000);
      expect(await bytes.removeStalePartials(WEEK, FAR_FUTURE)).toBe(1);
      expect(await bytes.partialOffset(sha256(blob), 'aida')).toBe(0);
    });

    it('keeps at most the limit of unfinished uploads per uploader, the newest among them', async () => {
      const bytes = await engine.open();
      const blobs = Array.from({ length: MAX_PARTIALS_PER_UPLOADER + 1 }, () => randomBytes(64));
      for (const blob of blobs) {
        await bytes.appendChunk(
          sha256(blob),
          'aida',
          range(0, 1, blob.length),
          blob.subarray(0, 1),
        );
      }
      await bytes.appendChunk(sha256(blobs[0] as Buffer), 'bakyt', range(0, 1, 64), randomBytes(1));
      expect(await bytes.partialCount('aida')).toBe(MAX_PARTIALS_PER_UPLOADER);
      expect(await bytes.partialOffset(sha256(blobs.at(-1) as Buffer), 'aida')).toBe(1);
      expect(await bytes.partialCount('bakyt')).toBe(1);
    });

    it('stores a chunk sent twice at once only once', async () => {
      const bytes = await engine.open();
      const other = engine.another ? await engine.another() : bytes;
      const blob = randomBytes(800_000);
      const hash = sha256(blob);
      const chunk = (via: BlobBytes, start: number, end: number) =>
        via.appendChunk(hash, 'aida', range(start, end, blob.length), blob.subarray(start, end));
      await chunk(bytes, 0, 200_000);
      const both = await Promise.all([
        chunk(bytes, 200_000, 500_000),
        chunk(other, 200_000, 500_000),
      ]);
      expect(both.map((result) => result.kind).sort()).toEqual(['offset_mismatch', 'stored']);
      expect(await other.partialOffset(hash, 'aida')).toBe(500_000);
      const last = await Promise.all([
        chunk(bytes, 500_000, 800_000),
        chunk(other, 500_000, 800_000),
      ]);
      expect(last.map((result) => result.kind).sort()).toEqual(['complete', 'offset_mismatch']);
      expect(sha256(Buffer.concat(await readAll(other.read(hash))))).toBe(hash);
    });
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) removeDir(dir);
});

blobContract('blob bytes as files', {
  async open() {
    const dir = makeTempDir();
    dirs.push(dir);
    return filesBlobBytes(dir);
  },
});

const url = process.env.SEDP_TEST_DATABASE_URL;
const describePostgres = url ? describe : describe.skip;
const databaseUrl = url ?? '';
const admin = url ? new pg.Pool({ connectionString: databaseUrl, max: 2 }) : undefined;
const schemas: string[] = [];
const stores: Store[] = [];

async function freshSchema(): Promise<string> {
  const schema = `sedp_test_${randomBytes(6).toString('hex')}`;
  await admin?.query(`CREATE SCHEMA ${schema}`);
  schemas.push(schema);
  return schema;
}

async function openStore(schema: string): Promise<Store> {
  const store = await openPostgresStore(databaseUrl, { schema, poolSize: 4 });
  stores.push(store);
  return store;
}

afterAll(async () => {
  for (const store of stores) await store.close();
  for (const schema of schemas) await admin?.query(`DROP SCHEMA ${schema} CASCADE`);
  await admin?.end();
});

function storeBytes(store: Store): BlobBytes {
  if (!store.blobBytes) throw new Error('The PostgreSQL store keeps no blob bytes');
  return store.blobBytes;
}

describePostgres(
  url ? 'PostgreSQL' : 'PostgreSQL (skipped: set SEDP_TEST_DATABASE_URL=postgres://… to run)',
  () => {
    let current = '';
    blobContract('blob bytes in PostgreSQL', {
      async open() {
        current = await freshSchema();
        return storeBytes(await openStore(current));
      },
      async another() {
        return storeBytes(await openStore(current));
      },
    });

    it('keeps blob bytes in the database, in rows of at most 256 KB', async () => {
      const schema = await freshSchema();
      const bytes = storeBytes(await openStore(schema));
      const blob = randomBytes(1_000_000);
      await bytes.write(sha256(blob), blob);
      const rows = await admin?.query<{ seq: number; length: number }>(
        `SELECT seq, length(bytes) AS length FROM ${schema}.blob_chunks WHERE sha256 = $1 ORDER BY seq`,
        [sha256(blob)],
      );
      expect(rows?.rows.map((row) => row.length)).toEqual([
        BLOB_ROW_BYTES,
        BLOB_ROW_BYTES,
        BLOB_ROW_BYTES,
        1_000_000 - 3 * BLOB_ROW_BYTES,
      ]);
    });

    it('removes the bytes of blobs nothing names from the database, not from a disk', async () => {
      const clock = fakeClock();
      const store = await openPostgresStore(databaseUrl, {
        schema: await freshSchema(),
        poolSize: 2,
        now: clock.now,
      });
      stores.push(store);
      const dataDir = makeTempDir();
      dirs.push(dataDir);
      const bytes = blobBytesFor(store, dataDir);
      expect(bytes).toBe(store.blobBytes);
      const orphan = randomBytes(300_000);
      await bytes.write(sha256(orphan), orphan);
      await store.saveBlobInfo({
        sha256: sha256(orphan),
        size: orphan.length,
        mime: 'image/jpeg',
        createdBy: 'aida',
      });
      clock.advance(8 * 24 * 60 * 60 * 1000);
      expect(await removeUnreferencedBlobs(store, bytes, WEEK)).toBe(1);
      expect(await bytes.exists(sha256(orphan))).toBe(false);
    });

    it('shares one chunked upload between two apps on one database, as two processes', async () => {
      const schema = await freshSchema();
      const dataDirs = [makeTempDir(), makeTempDir()];
      dirs.push(...dataDirs);
      const urls: string[] = [];
      let first: Store | undefined;
      for (const dataDir of dataDirs) {
        const store = await openStore(schema);
        first ??= store;
        // Each its own data directory: nothing may be shared through one machine's disk.
        const app = createApp({ store, version: '0.0.0-test', dataDir, fairUse: DEFAULT_FAIR_USE });
        const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
        await new Promise<void>((resolve) => server.once('listening', () => resolve()));
        onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
        urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      }
      if (!first) throw new Error('no store');
      await createAccount(first, {
        username: 'aida',
        role: 'consultant',
        password: PASSWORD,
        districtIds: [],
      });
      const login = await fetch(`${urls[0]}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'aida', password: PASSWORD }),
      });
      const { token } = (await login.json()) as { token: string };
      const auth = { authorization: `Bearer ${token}` };

      const blob = randomBytes(1_000_000);
      const hash = sha256(blob);
      const step = 256 * 1024;
      for (let start = 0, index = 0; start < blob.length; start += step, index += 1) {
        const end = Math.min(start + step, blob.length);
        const via = urls[index % 2];
        if (index === 1) {
          // The first chunk again, at the other process: 409 with the offset the database holds.
          const retried = await fetch(`${via}/api/blobs/${hash}`, {
            method: 'PATCH',
            headers: {
              ...auth,
              'content-type': 'image/jpeg',
              'content-range': contentRange(0, step, blob.length),
            },
            body: blob.subarray(0, step) as Uint8Array<ArrayBuffer>,
          });
          expect(retried.status).toBe(409);
          expect(retried.headers.get('upload-offset')).toBe(String(start));
        }
        const response = await fetch(`${via}/api/blobs/${hash}`, {
          method: 'PATCH',
          headers: {
            ...auth,
            'content-type': 'image/jpeg',
            'content-range': contentRange(start, end, blob.length),
          },
          body: blob.subarray(start, end) as Uint8Array<ArrayBuffer>,
        });
        expect(response.status).toBe(end === blob.length ? 201 : 200);
        // The other process knows where this upload stands.
        const other = urls[(index + 1) % 2];
        const status = await fetch(`${other}/api/blobs/${hash}/upload`, { headers: auth });
        expect(await status.json()).toMatchObject({ offset: end, complete: end === blob.length });
      }
      // A chunk retried after the end: the blob is there, whichever process answers.
      const again = await fetch(`${urls[1]}/api/blobs/${hash}`, {
        method: 'PATCH',
        headers: {
          ...auth,
          'content-type': 'image/jpeg',
          'content-range': contentRange(0, step, blob.length),
        },
        body: blob.subarray(0, step) as Uint8Array<ArrayBuffer>,
      });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ offset: blob.length, complete: true });

      for (const base of urls) {
        const response = await fetch(`${base}/api/blobs/${hash}`, { headers: auth });
        expect(response.status).toBe(200);
        expect(sha256(new Uint8Array(await response.arrayBuffer()))).toBe(hash);
      }
      const stored = await admin?.query<{ blobs: number; size: string }>(
        `SELECT count(*)::integer AS blobs, sum(size)::text AS size FROM ${schema}.blob_contents`,
      );
      expect(stored?.rows[0]).toEqual({ blobs: 1, size: String(blob.length) });
      const partials = await admin?.query<{ count: number }>(
        `SELECT count(*)::integer AS count FROM ${schema}.blob_partials`,
      );
      expect(partials?.rows[0]?.count).toBe(0);
    });
  },
);
