import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { freshServer, mutation, note, signedInUser } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('gzip push bodies', () => {
  it('accepts a gzip-encoded batch', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const { api } = await signedInUser(server, 'consultant', ['nooken']);
    const body = {
      deviceId: 'd',
      schemaVersion: 1,
      mutations: [await mutation({ body: note('nooken') })],
    };
    const reply = await api.call('POST', '/api/sync/push', undefined, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      raw: gzipSync(JSON.stringify(body)),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.results[0].status).toBe('applied');
  });

  it('refuses a body that inflates past the limit, and broken gzip, and keeps running', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const { api } = await signedInUser(server, 'consultant', ['nooken']);
    const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 32)); // 20 MB of spaces, ~20 KB sent
    const tooBig = await api.call('POST', '/api/sync/push', undefined, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      raw: bomb,
    });
    expect(tooBig.status).toBe(413);
    const broken = await api.call('POST', '/api/sync/push', undefined, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      raw: new Uint8Array([1, 2, 3, 4]),
    });
    expect(broken.status).toBe(400);
    const other = await api.call('POST', '/api/sync/push', undefined, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'br' },
      raw: new Uint8Array([1]),
    });
    expect(other.status).toBe(415);
    expect((await api.get('/api/me')).status).toBe(200);
  });
});
