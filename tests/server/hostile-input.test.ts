/**
 * Whatever is sent, the server answers with a clear 4xx (or success) and keeps running:
 * unknown fields are refused with their path, deep nesting is refused, and generated
 * malformed requests never get a 5xx (trust issue, point 7).
 */
import fc from 'fast-check';
import { describe, expect, it, onTestFinished } from 'vitest';
import { bodyHash } from '../../src/domain/hash.ts';
import { RECORD_TYPES } from '../../src/domain/record-types.ts';
import {
  client,
  freshServer,
  mutation,
  push,
  signedInUser,
  type TestServer,
  territoryId,
  uuidv7,
} from './helpers.ts';

const nooken = territoryId('nooken');

const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

async function send(
  server: TestServer,
  token: string | undefined,
  method: string,
  pathname: string,
  body?: string | Uint8Array,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${server.url}${pathname}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: method === 'GET' || method === 'HEAD' ? undefined : (body as BodyInit | undefined),
  });
  await response.arrayBuffer();
  return response.status;
}

describe('hostile input', () => {
  it('refuses an unknown field in a record body with its path; nothing is stored', async () => {
    const server = await freshServer(onTestFinished);
    const { api } = await signedInUser(server, 'consultant', [nooken]);
    const note = { districtId: nooken, title: 'Итоги', text: '' };
    const changes = await Promise.all([
      mutation({ body: { ...note, junk: 'x'.repeat(1_500_000) } }),
      mutation({
        type: 'training',
        body: {
          districtId: nooken,
          municipalityIds: [territoryId('kochkor-ata')],
          moduleCodes: [],
          title: 'x',
          dates: ['2025-04-14'],
          venue: '',
          trainers: '',
          notes: '',
          status: 'planned',
          attendance: {
            tally: { women: 0, men: 0, groups: {} },
            participants: [{ id: 'p', name: 'Айгуль', sex: 'female', groups: [], extra: 1 }],
          },
        },
      }),
    ]);
    const reply = await push(api, changes);
    expect(reply.status).toBe(200);
    expect(reply.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid', path: ['junk'] },
    });
    expect(reply.body.results[1]).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid', path: ['attendance', 'participants', 0, 'extra'] },
    });
    for (const change of changes) expect(await server.store.history(change.id)).toHaveLength(0);
  });

  it('answers a body nested 200 to 100,000 deep with a 4xx, anywhere, and keeps running', async () => {
    const server = await freshServer(onTestFinished);
    const { token } = await signedInUser(server, 'admin');
    const json = { 'content-type': 'application/json' };
    const replies = await Promise.all(
      [200, 5_000, 100_000].flatMap((levels) => {
        const deep = nested(levels);
        const pushBody = `{"deviceId":"d","schemaVersion":1,"mutations":[{"mutationId":"${uuidv7()}","type":"lessons-note","id":"${uuidv7()}","op":"put","baseRev":0,"hash":"${'a'.repeat(64)}","body":{"junk":${deep}}}]}`;
        return [
          send(server, token, 'POST', '/api/sync/push', pushBody, json),
          send(server, undefined, 'POST', '/api/auth/login', deep, json),
          send(server, token, 'POST', '/api/admin/users', deep, json),
        ];
      }),
    );
    // 400; or 413 where the body is also over its size limit.
    for (const status of replies) expect([400, 413]).toContain(status);
    expect(replies[0]).toBe(400);
    expect(replies[3]).toBe(400);
    expect((await client(server.url).get('/api/health')).status).toBe(200);
  });

  it('never answers generated malformed requests with a 5xx', { timeout: 240_000 }, async () => {
    const server = await freshServer(onTestFinished);
    const admin = await signedInUser(server, 'admin');
    const consultant = await signedInUser(server, 'consultant', [nooken]);
    const tokens = [admin.token, consultant.token, undefined, 'not-a-token'];
    const json = fc.jsonValue({ maxDepth: 5 });
    const text = fc.oneof(
      json.map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 200 }),
      fc.integer({ min: 1, max: 3_000 }).map(nested),
      fc.constantFrom('', '{', '[]', 'null', '{"__proto__":{"x":1}}', '\u0000'),
    );
    const types = [...Object.keys(RECORD_TYPES), 'nope'];
    /** A change whose hash matches, so the body itself is judged. */
    const change = fc
      .record({
        type: fc.constantFrom(...types),
        body: fc.oneof(
          fc.dictionary(fc.string({ maxLength: 20 }), json, { maxKeys: 8 }),
          fc.record({
            districtId: fc.constantFrom(nooken, 'x', ''),
            municipalityId: fc.constantFrom(territoryId('kerben'), nooken),
            title: fc.string(),
            text: fc.string(),
          }),
        ),
        op: fc.constantFrom('put', 'delete', 'x'),
        baseRev: fc.oneof(fc.integer(), fc.constant(0), fc.double()),
      })
      .map(async (input) => ({
        mutationId: uuidv7(),
        id: uuidv7(),
        ...input,
        hash: await bodyHash(input.body).catch(() => 'x'),
      }));
    const request = fc.oneof(
      fc.record({
        kind: fc.constant('push' as const),
        token: fc.constantFrom(...tokens),
        changes: fc.array(change, { maxLength: 4 }),
        raw: fc.option(text),
      }),
      fc.record({
        kind: fc.constant('call' as const),
        token: fc.constantFrom(...tokens),
        method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'PATCH'),
        path: fc.oneof(
          fc
            .dictionary(fc.constantFrom('since', 'limit', 'x', 'since[]'), fc.string(), {
              maxKeys: 3,
            })
            .map((q) => `/api/sync/pull?${new URLSearchParams(q)}`),
          fc.constantFrom('/api/auth/login', '/api/admin/users', '/api/auth/logout', '/api/me'),
          fc
            .tuple(
              fc.oneof(fc.string(), fc.uuid()),
              fc.constantFrom('disable', 'enable', 'password', 'districts', 'role'),
            )
            .map(([id, action]) => `/api/admin/users/${encodeURIComponent(id)}/${action}`),
          fc
            .oneof(fc.string(), fc.uuid())
            .map((id) => `/api/records/${encodeURIComponent(id)}/history`),
          fc
            .tuple(fc.oneof(fc.string(), fc.stringMatching(/^[0-9a-f]{64}$/)), fc.boolean())
            .map(
              ([name, upload]) =>
                `/api/blobs/${encodeURIComponent(name)}${upload ? '/upload' : ''}`,
            ),
        ),
        body: fc.oneof(text, fc.uint8Array({ maxLength: 2_000 })),
        headers: fc.record(
          {
            'content-type': fc.constantFrom('application/json', 'image/jpeg', 'text/plain', 'x'),
            'content-range': fc.oneof(
              fc.string(),
              fc
                .tuple(fc.nat(3000), fc.nat(3000), fc.nat(20_000))
                .map(([a, b, t]) => `bytes ${a}-${b}/${t}`),
            ),
            'content-encoding': fc.constantFrom('gzip', 'identity', 'br'),
          },
          { requiredKeys: [] },
        ),
      }),
    );

    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        let status: number;
        if (input.kind === 'push') {
          const mutations = await Promise.all(input.changes);
          const body =
            input.raw ?? JSON.stringify({ deviceId: 'fuzz', schemaVersion: 1, mutations });
          status = await send(server, input.token, 'POST', '/api/sync/push', body, {
            'content-type': 'application/json',
          });
        } else {
          status = await send(
            server,
            input.token,
            input.method,
            input.path,
            input.body,
            input.headers,
          );
        }
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
    expect((await client(server.url).get('/api/health')).status).toBe(200);
  });
});
