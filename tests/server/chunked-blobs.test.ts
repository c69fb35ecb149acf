/** Resumable blob uploads over real HTTP: PATCH with Content-Range, and the upload status. */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import {
  MAX_PARTIALS_PER_UPLOADER,
  partialDir,
  removeStalePartials,
} from '../../server/blobs/partial-uploads.ts';
import { contentRange } from '../../src/domain/blob-upload.ts';
import { freshServer, signedInUser, type TestServer } from './helpers.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function uploader(server: TestServer, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  return {
    async status(name: string) {
      const response = await fetch(`${server.url}/api/blobs/${name}/upload`, { headers: auth });
      return { status: response.status, body: await response.json() };
    },
    /** Sends bytes [start, end) of `bytes` as one chunk (headers can be overridden). */
    async chunk(
      name: string,
      bytes: Uint8Array,
      start: number,
      end: number,
      headers: Record<string, string> = {},
    ) {
      const response = await fetch(`${server.url}/api/blobs/${name}`, {
        method: 'PATCH',
        headers: {
          ...auth,
          'content-type': 'image/jpeg',
          'content-range': contentRange(start, end, bytes.length),
          ...headers,
        },
        body: bytes.slice(start, end) as Uint8Array<ArrayBuffer>,
      });
      return {
        status: response.status,
        offsetHeader: response.headers.get('upload-offset'),
        body: await response.json(),
      };
    },
  };
}

const partials = (server: TestServer) =>
  existsSync(partialDir(server.dataDir)) ? readdirSync(partialDir(server.dataDir)) : [];

const blobFile = (server: TestServer, name: string) =>
  path.join(server.dataDir, 'blobs', name.slice(0, 2), name.slice(2, 4), name);

// Generous: real HTTP and disk on a machine shared with other test runs.
describe('chunked blob uploads', { timeout: 60_000 }, () => {
  it('keeps chunks until the last one, then stores the verified blob once', async () => {
    const server = await freshServer(onTestFinished);
    const { token } = await signedInUser(server, 'consultant');
    const up = uploader(server, token);
    const bytes = randomBytes(700_000);
    const name = sha256(bytes);

    expect(await up.status(name)).toEqual({
      status: 200,
      body: { sha256: name, offset: 0, complete: false },
    });
    const first = await up.chunk(name, bytes, 0, 300_000);
    expect(first).toMatchObject({
      status: 200,
      offsetHeader: '300000',
      body: { offset: 300_000, complete: false },
    });
    expect((await up.status(name)).body).toEqual({
      sha256: name,
      offset: 300_000,
      complete: false,
    });
    expect(existsSync(blobFile(server, name))).toBe(false);
    const head = await fetch(`${server.url}/api/blobs/${name}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(head.status).toBe(404);

    expect((await up.chunk(name, bytes, 300_000, 600_000)).body.offset).toBe(600_000);
    const last = await up.chunk(name, bytes, 600_000, 700_000, { 'content-type': 'image/png' });
    expect(last).toMatchObject({
      status: 201,
      body: { sha256: name, offset: 700_000, complete: true },
    });

    expect(readFileSync(blobFile(server, name)).equals(bytes)).toBe(true);
    expect(await server.store.blobInfo(name)).toEqual({
      sha256: name,
      size: 700_000,
      mime: 'image/png',
    });
    expect(partials(server)).toEqual([]);
    expect((await up.status(name)).body).toEqual({
      sha256: name,
      offset: 700_000,
      complete: true,
    });
    // A device that missed the last answer is told the blob is there; nothing is appended.
    expect(await up.chunk(name, bytes, 600_000, 700_000)).toMatchObject({
      status: 200,
      body: { complete: true, offset: 700_000 },
    });
    expect(partials(server)).toEqual([]);
    const get = await fetch(`${server.url}/api/blobs/${name}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses a chunk that does not start at the stored offset, with the offset', async () => {
    const server = await freshServer(onTestFinished);
    const { token } = await signedInUser(server, 'consultant');
    const up = uploader(server, token);
    const bytes = randomBytes(600_000);
    const name = sha256(bytes);

    const ahead = await up.chunk(name, bytes, 200_000, 400_000);
    expect(ahead).toMatchObject({
      status: 409,
      offsetHeader: '0',
      body: { error: 'offset_mismatch', offset: 0 },
    });
    expect((await up.chunk(name, bytes, 0, 200_000)).status).toBe(200);
    // The same chunk again (a retry after a lost answer) is not appended twice.
    const repeated = await up.chunk(name, bytes, 0, 200_000);
    expect(repeated).toMatchObject({ status: 409, body: { offset: 200_000 } });
    const [file] = partials(server);
    expect(file).toBeDefined();
    expect(readFileSync(path.join(partialDir(server.dataDir), String(file))).length).toBe(200_000);

    expect((await up.chunk(name, bytes, 200_000, 400_000)).status).toBe(200);
    expect((await up.chunk(name, bytes, 400_000, 600_000)).status).toBe(201);
    expect(readFileSync(blobFile(server, name)).equals(bytes)).toBe(true);
  });

  it('appends one of two identical chunks arriving together, and refuses the other', async () => {
    const server = await freshServer(onTestFinished);
    const { token } = await signedInUser(server, 'consultant');
    const up = uploader(server, token);
    const bytes = randomBytes(600_000);
    const name = sha256(bytes);

    const replies = await Promise.all([
      up.chunk(name, bytes, 0, 300_000),
      up.chunk(name, bytes, 0, 300_000),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 409]);
    expect((await up.status(name)).body.offset).toBe(300_000);
    expect((await up.chunk(name, bytes, 300_000, 600_000)).status).toBe(201);
    expect(readFileSync(blobFile(server, name)).equals(bytes)).toBe(true);
  });

  it('discards the partial when the whole file is not the blob it names', async () => {
    const server = await freshServer(onTestFinished);
    const { token } = await signedInUser(server, 'consultant');
    const up = uploader(server, token);
    const bytes = randomBytes(400_000);
    const wrong = sha256(randomBytes(16));

    expect((await up.chunk(wrong, bytes, 0, 200_000)).status).toBe(200);
    expect(partials(server)).toHaveLength(1);
    const last = await up.chunk(wrong, bytes, 200_000, 400_000);
    expect(last).toMatchObject({ status: 400, body: { error: 'hash_mismatch' } });
    expect(partials(server)).toEqual([]);
    expect(await server.store.blobInfo(wrong)).toBeUndefined();
    expect(existsSync(blobFile(server, wrong))).toBe(false);
    expect((await up.status(wrong)).body).toMatchObject({ offset: 0, complete: false });
  });

  it("keeps each uploader's partial apart", async () => {
    const server = await freshServer(onTestFinished);
    const aida = uploader(server, (await signedInUser(server, 'consultant')).token);
    const bakyt = uploader(server, (await signedInUser(server, 'consultant')).token);
    const bytes = randomBytes(500_000);
    const name = sha256(bytes);
    const garbage = randomBytes(500_000);

    expect((await aida.chunk(name, bytes, 0, 250_000)).status).toBe(200);
    // Bakyt starts from zero: Aida's bytes are not his to continue.
    expect((await bakyt.status(name)).body).toMatchObject({ offset: 0, complete: false });
    expect((await bakyt.chunk(name, garbage, 0, 250_000)).status).toBe(200);
    expect(partials(server)).toHaveLength(2);
    expect((await aida.status(name)).body.offset).toBe(250_000);

    expect((await aida.chunk(name, bytes, 250_000, 500_000)).status).toBe(201);
    expect(readFileSync(blobFile(server, name)).equals(bytes)).toBe(true);
    // Bakyt may not read Aida's blob, so he is not told it is stored: he must send its
    // bytes. His garbage never becomes the blob.
    expect((await bakyt.status(name)).body).toMatchObject({ offset: 250_000, complete: false });
    expect(await bakyt.chunk(name, garbage, 250_000, 500_000)).toMatchObject({
      status: 400,
      body: { error: 'hash_mismatch' },
    });
    expect(readFileSync(blobFile(server, name)).equals(bytes)).toBe(true);
    expect(partials(server)).toEqual([]);
    // The real bytes, sent in full, make him an uploader of the stored blob.
    expect((await bakyt.chunk(name, bytes, 0, 500_000)).status).toBe(201);
    expect((await bakyt.status(name)).body).toMatchObject({ complete: true });
    expect(readFileSync(blobFile(server, name)).equals(bytes)).toBe(true);
  });

  it('answers malformed chunks with a clear 4xx and keeps serving', async () => {
    const server = await freshServer(onTestFinished);
    const { token, api } = await signedInUser(server, 'consultant');
    const up = uploader(server, token);
    const bytes = randomBytes(300_000);
    const name = sha256(bytes);

    for (const range of [
      'bytes 0-99',
      'bytes */300000',
      'bytes 100-50/300000',
      'bytes 0-300000/300000',
      'chunk 0-99/300000',
    ]) {
      const reply = await up.chunk(name, bytes, 0, 100, { 'content-range': range });
      expect(reply.status, range).toBe(400);
      expect(reply.body, range).toMatchObject({ error: 'invalid', path: ['content-range'] });
    }
    const noRange = await fetch(`${server.url}/api/blobs/${name}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
      body: bytes.slice(0, 100),
    });
    expect(noRange.status).toBe(400);
    // The body is not the length the range names.
    const short = await up.chunk(name, bytes, 0, 100, {
      'content-range': contentRange(0, 200, bytes.length),
    });
    expect(short).toMatchObject({ status: 400, body: { error: 'invalid' } });
    expect((await up.chunk(name, bytes, 0, 100, { 'content-type': 'text/html' })).status).toBe(415);
    const huge = await up.chunk(name, bytes, 0, 100, {
      'content-range': contentRange(0, 100, 10 * 1024 * 1024 + 1),
    });
    expect(huge).toMatchObject({ status: 413, body: { error: 'too_large' } });
    const big = randomBytes(1024 * 1024 + 1);
    const bigChunk = await up.chunk(sha256(big), big, 0, big.length, {
      'content-range': contentRange(0, big.length, 2 * big.length),
    });
    expect(bigChunk).toMatchObject({ status: 413, body: { error: 'too_large' } });
    expect((await up.chunk(name, bytes, 0, 100, {})).status).toBe(200);
    expect((await up.status('ABC')).status).toBe(400);
    expect((await api.get('/api/me')).status).toBe(200);
    expect((await up.status(name)).body.offset).toBe(100);
  });

  it('needs a token for chunks and upload status', async () => {
    const server = await freshServer(onTestFinished);
    const name = sha256(new Uint8Array(1));
    const status = await fetch(`${server.url}/api/blobs/${name}/upload`);
    expect(status.status).toBe(401);
    const chunk = await fetch(`${server.url}/api/blobs/${name}`, {
      method: 'PATCH',
      headers: { 'content-type': 'image/jpeg', 'content-range': 'bytes 0-0/1' },
      body: new Uint8Array(1),
    });
    expect(chunk.status).toBe(401);
  });

  it("drops a user's oldest unfinished upload when they start one too many", async () => {
    const server = await freshServer(onTestFinished);
    const aida = uploader(server, (await signedInUser(server, 'consultant')).token);
    const bakyt = uploader(server, (await signedInUser(server, 'consultant')).token);
    // Distinct by construction: two random 2-byte blobs alike (about 1 run in 250) would
    // share a name, and the second upload would meet the first's partial (409).
    const blobs = Array.from({ length: MAX_PARTIALS_PER_UPLOADER + 1 }, (_, i) =>
      Buffer.from([i, 0x5a]),
    );
    const names = blobs.map(sha256);
    const bakytsBytes = Buffer.from([0xff, 0xff]);
    expect((await bakyt.chunk(sha256(bakytsBytes), bakytsBytes, 0, 1)).status).toBe(200);
    const start = Date.parse('2025-03-01T00:00:00Z');
    for (const [index, bytes] of blobs.slice(0, -1).entries()) {
      const name = String(names[index]);
      expect((await aida.chunk(name, bytes, 0, 1)).status).toBe(200);
      // Each partial a minute older than the next, whatever the file system's clock grain.
      const file = readdirSync(partialDir(server.dataDir)).find((f) => f.startsWith(name));
      const at = new Date(start + index * 60_000);
      utimesSync(path.join(partialDir(server.dataDir), String(file)), at, at);
    }
    expect(partials(server)).toHaveLength(MAX_PARTIALS_PER_UPLOADER + 1);

    const newest = blobs.length - 1;
    expect((await aida.chunk(String(names[newest]), blobs[newest] as Buffer, 0, 1)).status).toBe(
      200,
    );
    expect((await aida.status(String(names[0]))).body.offset).toBe(0);
    for (const name of names.slice(1)) expect((await aida.status(name)).body.offset).toBe(1);
    expect((await bakyt.status(sha256(bakytsBytes))).body.offset).toBe(1);
    expect(partials(server)).toHaveLength(MAX_PARTIALS_PER_UPLOADER + 1);
  });

  it('removes partial uploads untouched for longer than allowed', async () => {
    const server = await freshServer(onTestFinished);
    const dir = partialDir(server.dataDir);
    await mkdir(dir, { recursive: true });
    const old = path.join(dir, `${'a'.repeat(64)}.old`);
    const recent = path.join(dir, `${'b'.repeat(64)}.recent`);
    writeFileSync(old, 'x');
    writeFileSync(recent, 'y');
    const now = new Date('2025-03-10T00:00:00Z');
    const eightDaysAgo = new Date(now.getTime() - 8 * 86_400_000);
    utimesSync(old, eightDaysAgo, eightDaysAgo);
    utimesSync(recent, now, now);

    expect(await removeStalePartials(server.dataDir, 7 * 86_400_000, now)).toBe(1);
    expect(partials(server)).toEqual([path.basename(recent)]);
  });
});
