// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createHttpTransport, PUSH_TIMEOUT_CAP_MS, pushTimeoutMs } from './http-transport.ts';
import { TransportError } from './transport.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('http transport', () => {
  it('gives a push 10 s plus 0.4 s per KB sent, at most 60 s', () => {
    expect(pushTimeoutMs(0)).toBe(10_000);
    expect(pushTimeoutMs(1024)).toBe(10_400);
    expect(pushTimeoutMs(35 * 1024)).toBe(24_000); // a full batch, gzipped
    expect(pushTimeoutMs(1_500_000)).toBe(PUSH_TIMEOUT_CAP_MS);
  });

  it('sends a push gzipped, the JSON of the batch', async () => {
    let sent: { body: unknown; encoding: string | null } | undefined;
    const transport = createHttpTransport({
      getToken: () => 't',
      fetch: async (_input, init) => {
        const headers = new Headers(init?.headers);
        const bytes = new Uint8Array(init?.body as Uint8Array);
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
        sent = {
          body: JSON.parse(await new Response(stream).text()),
          encoding: headers.get('content-encoding'),
        };
        return json(200, { results: [] });
      },
    });
    const batch = { deviceId: 'd', schemaVersion: 1, mutations: [] };
    await expect(transport.push(batch)).resolves.toEqual({ results: [] });
    expect(sent).toEqual({ body: batch, encoding: 'gzip' });
  });

  it('sends a push prepared ahead as it was encoded then, and encodes it once', async () => {
    const sent: unknown[] = [];
    const transport = createHttpTransport({
      getToken: () => 't',
      fetch: async (_input, init) => {
        const bytes = new Uint8Array(init?.body as Uint8Array);
        const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
        sent.push(JSON.parse(await new Response(stream).text()));
        return json(200, { results: [] });
      },
    });
    const batch = { deviceId: 'd', schemaVersion: 1, mutations: [] as unknown[] };
    transport.prepare?.(batch as never);
    const encoded = structuredClone(batch);
    batch.deviceId = 'changed after it was prepared';
    await transport.push(batch as never);
    // Not prepared any more: a second push of it is encoded again, as it now is.
    await transport.push(batch as never);
    expect(sent).toEqual([encoded, batch]);
  });

  it('reports a 400 as a client error with the path the server named', async () => {
    const transport = createHttpTransport({
      getToken: () => 't',
      fetch: async () =>
        json(400, { error: 'invalid', message: 'Invalid UUID', path: ['mutations', 3, 'id'] }),
    });
    const error = await transport.push({ deviceId: 'd', schemaVersion: 1, mutations: [] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({
      kind: 'client',
      status: 400,
      message: 'invalid: Invalid UUID',
      path: ['mutations', 3, 'id'],
    });
  });

  it('reports a disabled account as a sign-in problem, so nothing is parked', async () => {
    const transport = createHttpTransport({
      getToken: () => 't',
      fetch: async () => json(403, { error: 'account_disabled', message: 'disabled' }),
    });
    const error = await transport.pull(0, 10).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'auth', status: 403, code: 'account_disabled' });
  });

  it('health resolves when /api/health answers 200 and fails otherwise', async () => {
    const asked: string[] = [];
    let status = 200;
    const transport = createHttpTransport({
      getToken: () => null,
      fetch: async (input) => {
        asked.push(String(input));
        return json(status, { status: status === 200 ? 'ok' : 'unavailable' });
      },
    });
    await expect(transport.health?.()).resolves.toBeUndefined();
    status = 503;
    await expect(transport.health?.()).rejects.toMatchObject({ kind: 'server', status: 503 });
    expect(asked).toEqual(['/api/health', '/api/health']);
  });
});
