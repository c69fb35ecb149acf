import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptsGzip } from '../../server/http/gzip-json.ts';
import { freshServer, mutation, note, signedInUser, territoryId } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('gzip push bodies', () => {
  it('accepts a gzip-encoded batch', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const { api } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const body = {
      deviceId: 'd',
      schemaVersion: 1,
      mutations: [await mutation({ body: note(territoryId('nooken')) })],
    };
    const reply = await api.call('POST', '/api/sync/push', undefined, {
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      raw: gzipSync(JSON.stringify(body)),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.results[0].status).toBe('applied');
  });

  it('inflates bodies past the quick path too: large ones, and small ones that inflate to much', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const { api } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const batch = async (padding: string) => ({
      deviceId: 'd',
      schemaVersion: 1,
      mutations: [await mutation({ body: note(territoryId('nooken')) })],
      padding,
    });
    // 3 MB of spaces gzip to a few KB; 200 KB of random hex stays over 64 KB gzipped.
    const spaces = await batch(' '.repeat(3 * 1024 * 1024));
    const random = await batch(randomBytes(100 * 1024).toString('hex'));
    for (const body of [spaces, random]) {
      const raw = gzipSync(JSON.stringify(body));
      const reply = await api.call('POST', '/api/sync/push', undefined, {
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        raw,
      });
      expect(reply.status).toBe(200);
      expect(reply.body.results[0].status).toBe('applied');
    }
  });

  it('answers a push gzipped and whole when the device takes gzip, plainly when not', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const { token } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    const push = async (acceptEncoding: string) => {
      const mutations = [];
      for (let i = 0; i < 20; i += 1)
        mutations.push(await mutation({ body: note(territoryId('nooken')) }));
      return fetch(`${server.url}/api/sync/push`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'accept-encoding': acceptEncoding,
        },
        body: JSON.stringify({ deviceId: 'd', schemaVersion: 1, mutations }),
      });
    };
    const zipped = await push('gzip, deflate');
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(Number(zipped.headers.get('content-length'))).toBeGreaterThan(0);
    expect(((await zipped.json()) as { results: unknown[] }).results).toHaveLength(20);
    const plain = await push('identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(((await plain.json()) as { results: unknown[] }).results).toHaveLength(20);
    expect(acceptsGzip('gzip;q=0, deflate')).toBe(false);
    expect(acceptsGzip('br, *')).toBe(true);
  });

  it('refuses a body that inflates past the limit, and broken gzip, and keeps running', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const { api } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
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

  it('keeps answering health checks while gzip bombs are being inflated', async () => {
    const server = await freshServer((fn) => cleanups.push(fn));
    const { api } = await signedInUser(server, 'consultant', [territoryId('nooken')]);
    // About 12 KB that inflates to 12 MB of empty objects: parsing it would take seconds.
    const bomb = gzipSync(
      `{"deviceId":"d","schemaVersion":1,"mutations":[${'{},'.repeat(4_000_000)}{}]}`,
    );
    const send = () =>
      api.call('POST', '/api/sync/push', undefined, {
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        raw: bomb,
      });
    // The health checks come from another process, whose clock a stalled server cannot stop.
    const prober = spawn(process.execPath, ['-e', HEALTH_PROBER, server.url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    prober.stdout.setEncoding('utf8');
    const started = new Promise<void>((resolve) => {
      prober.stdout.on('data', (text: string) => {
        output += text;
        if (output.includes('ready')) resolve();
      });
    });
    const exited = new Promise<void>((resolve) => prober.once('exit', () => resolve()));
    let probing = true;
    void exited.then(() => {
      probing = false;
    });
    await started;
    // What would stall the server is parsing a bomb on its one thread (about 0.7 s each):
    // the bodies must be refused before JSON.parse ever sees them.
    const parse = vi.spyOn(JSON, 'parse');
    // Bombs in flight, three at a time, for as long as the prober measures.
    const statuses: number[] = [];
    while (probing) {
      const replies = await Promise.all([send(), send(), send()]);
      statuses.push(...replies.map((reply) => reply.status));
    }
    await exited;
    const parsed = parse.mock.calls.map(([text]) => (typeof text === 'string' ? text.length : 0));
    parse.mockRestore();
    expect(Math.max(0, ...parsed)).toBeLessThan(1_000_000);
    const latencies = (JSON.parse(output.slice(output.indexOf('['))) as number[]).sort(
      (a, b) => a - b,
    );
    // Every health check was answered, none held back for seconds. The bound is a stall's,
    // far above what a loaded machine adds (a speed figure belongs in the benchmark).
    expect(latencies.length).toBeGreaterThan(0);
    const slowest = latencies.at(-1) ?? Number.POSITIVE_INFINITY;
    expect(slowest, `health latencies ${latencies.map(Math.round).join(', ')} ms`).toBeLessThan(
      5000,
    );
    expect(new Set(statuses)).toEqual(new Set([413]));
    expect((await api.get('/api/me')).status).toBe(200);
  }, 120_000);
});

/** Asks for /api/health every 50 ms for 2 s, one at a time, and prints each wait in ms. */
const HEALTH_PROBER = `
const url = process.argv[1] + '/api/health';
const latencies = [];
(async () => {
  console.log('ready');
  const end = Date.now() + 2000;
  while (Date.now() < end) {
    const at = performance.now();
    const reply = await fetch(url);
    await reply.arrayBuffer();
    latencies.push(performance.now() - at);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  console.log(JSON.stringify(latencies));
})();
`;
