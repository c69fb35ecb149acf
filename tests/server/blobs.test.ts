import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { freshServer, signedInUser, territoryId } from './helpers.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function putBlob(
  url: string,
  token: string,
  name: string,
  bytes: Uint8Array,
  mime = 'image/jpeg',
) {
  const response = await fetch(`${url}/api/blobs/${name}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': mime },
    body: bytes as Uint8Array<ArrayBuffer>,
  });
  return { status: response.status, body: await response.json() };
}

describe('blobs', () => {
  it('stores bytes under their SHA-256 and serves them back', async () => {
    const server = await freshServer(onTestFinished);
    const { token } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const bytes = randomBytes(50_000);
    const name = sha256(bytes);
    const auth = { authorization: `Bearer ${token}` };

    const before = await fetch(`${server.url}/api/blobs/${name}`, {
      method: 'HEAD',
      headers: auth,
    });
    expect(before.status).toBe(404);

    const put = await putBlob(server.url, token, name, bytes);
    expect(put).toEqual({ status: 201, body: { sha256: name, size: 50_000, mime: 'image/jpeg' } });
    const file = path.join(server.dataDir, 'blobs', name.slice(0, 2), name.slice(2, 4), name);
    expect(readFileSync(file).equals(bytes)).toBe(true);

    const again = await putBlob(server.url, token, name, bytes);
    expect(again.status).toBe(200);

    const head = await fetch(`${server.url}/api/blobs/${name}`, { method: 'HEAD', headers: auth });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('50000');
    expect(head.headers.get('content-type')).toBe('image/jpeg');

    const get = await fetch(`${server.url}/api/blobs/${name}`, { headers: auth });
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('image/jpeg');
    expect(get.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await get.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('refuses bytes whose SHA-256 is not their name, and bad names', async () => {
    const server = await freshServer(onTestFinished);
    const { token } = await signedInUser(server, 'consultant');
    const bytes = randomBytes(1000);
    const wrong = sha256(randomBytes(10));

    const mismatch = await putBlob(server.url, token, wrong, bytes);
    expect(mismatch.status).toBe(400);
    expect(mismatch.body).toMatchObject({ error: 'hash_mismatch' });
    expect(existsSync(path.join(server.dataDir, 'blobs', wrong.slice(0, 2)))).toBe(false);

    const badName = await putBlob(server.url, token, 'ABC', bytes);
    expect(badName.status).toBe(400);
    expect(badName.body).toMatchObject({ error: 'invalid', path: ['sha256'] });

    const head = await fetch(`${server.url}/api/blobs/${wrong}`, {
      method: 'HEAD',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(head.status).toBe(404);
  });

  it('accepts only photos and PDFs', async () => {
    const server = await freshServer(onTestFinished);
    const { token } = await signedInUser(server, 'consultant');
    const bytes = new TextEncoder().encode('<script>alert(1)</script>');
    const reply = await putBlob(server.url, token, sha256(bytes), bytes, 'text/html');
    expect(reply.status).toBe(415);
    expect(reply.body).toMatchObject({ error: 'unsupported_media_type' });

    const pdf = new TextEncoder().encode('%PDF-1.7 minutes');
    expect((await putBlob(server.url, token, sha256(pdf), pdf, 'application/pdf')).status).toBe(
      201,
    );
  });

  it('refuses blobs over 10 MB with 413 and keeps serving', async () => {
    const server = await freshServer(onTestFinished);
    const { token, api } = await signedInUser(server, 'consultant');
    const bytes = new Uint8Array(10 * 1024 * 1024 + 1);

    const reply = await putBlob(server.url, token, sha256(bytes), bytes);

    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error: 'too_large' });
    expect((await api.get('/api/me')).status).toBe(200);
  });

  it('needs a token for every blob route', async () => {
    const server = await freshServer(onTestFinished);
    const name = sha256(new Uint8Array(1));
    for (const method of ['GET', 'HEAD', 'PUT']) {
      const response = await fetch(`${server.url}/api/blobs/${name}`, { method });
      expect(response.status, method).toBe(401);
    }
  });
});
