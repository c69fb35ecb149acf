import { expect } from 'vitest';
/** Test servers over real HTTP on a real SQLite file in a temporary directory, and API clients. */

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { serve } from '@hono/node-server';
import { v7 as uuidv7 } from 'uuid';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import type { LoginLimits } from '../../server/auth/login-throttle.ts';
import { DEFAULT_FAIR_USE, type FairUseLimits } from '../../server/fair-use/fair-use.ts';
import { CHECKLIST_TEMPLATE_SEED } from '../../server/seed/checklist-seed.ts';
import { REFERENCE_ITEM_SEED } from '../../server/seed/reference-list-seed.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { WORK_PLAN_SEED } from '../../server/seed/work-plan-seed.ts';
import { openSqliteDatabase, sqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store, UserAccount } from '../../server/store/store.ts';
import { bodyHash } from '../../src/domain/hash.ts';
import type { Role } from '../../src/domain/sync-protocol.ts';

export function makeTempDir(prefix = 'sedp-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A minimal built app, enough to check how the server serves one. */
export function makeFakeBuild(dir: string): string {
  const dist = path.join(dir, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>SEDP Field</title>');
  writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
  writeFileSync(path.join(dist, 'assets', 'index-AbC123.js'), 'console.log(1);'.repeat(200));
  writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"SEDP Field"}');
  return dist;
}

/** A clock that moves only when told to. */
export function fakeClock(start = '2025-03-01T08:00:00.000Z') {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advance(ms: number) {
      at += ms;
    },
  };
}

/** How many reference records a fresh server is seeded with: its pull cursor starts here. */
export const SEEDED =
  TERRITORY_SEED.length +
  WORK_PLAN_SEED.length +
  REFERENCE_ITEM_SEED.length +
  CHECKLIST_TEMPLATE_SEED.length;

/** The fixed id of a seeded territory, by code. */
export function territoryId(code: string): string {
  const territory = TERRITORY_SEED.find((entry) => entry.code === code);
  if (!territory) throw new Error(`No seeded territory ${code}`);
  return territory.id;
}

export interface TestServerOptions {
  dataDir?: string;
  staticDir?: string;
  now?: () => Date;
  loginLimits?: LoginLimits;
  trustProxy?: boolean;
  tokenIdleMs?: number;
  /** Lets a test put a faulty store between the app and the real one. */
  wrapStore?: (store: Store) => Store;
  /** Fair-use limits to change from their defaults. */
  fairUse?: Partial<FairUseLimits>;
  /** Seed reference data on start, as `startServer` does (default true). */
  seed?: boolean;
}

export interface TestServer {
  url: string;
  dataDir: string;
  store: Store;
  /** The store's own database connection, for tests that set connection limits (a full disk). */
  sqlite: DatabaseSync;
  /** Stops the server and closes the store; the data directory stays. */
  close: () => Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeTempDir();
  const sqlite = openSqliteDatabase(dataDir);
  const store = sqliteStore(sqlite, dataDir, { now: options.now });
  if (options.seed ?? true) await seedReferenceData(store);
  const app = createApp({
    store: options.wrapStore ? options.wrapStore(store) : store,
    version: '0.0.0-test',
    dataDir,
    staticDir: options.staticDir,
    now: options.now,
    loginLimits: options.loginLimits,
    trustProxy: options.trustProxy,
    tokenIdleMs: options.tokenIdleMs,
    fairUse: { ...DEFAULT_FAIR_USE, ...options.fairUse },
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    store,
    sqlite,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(() => {
          store.close().then(resolve, reject);
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A server in its own temporary directory, removed when the test ends. */
export async function freshServer(
  onFinished: (fn: () => Promise<void>) => void,
  options: Omit<TestServerOptions, 'dataDir'> = {},
): Promise<TestServer> {
  const dir = makeTempDir();
  const server = await startTestServer({ ...options, dataDir: path.join(dir, 'data') });
  onFinished(async () => {
    await server.close();
    removeDir(dir);
  });
  return server;
}

export const PASSWORD = 'correct horse battery';

// biome-ignore lint/suspicious/noExplicitAny: replies are checked by the tests' assertions
type Json = any;

export interface Reply<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

/** A small JSON client for the API; with a token it signs every request. */
export function client(baseUrl: string, token?: string) {
  async function call<T = Json>(
    method: string,
    pathname: string,
    body?: unknown,
    init: { headers?: Record<string, string>; raw?: string | Uint8Array } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...init.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | Uint8Array | undefined = init.raw;
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${pathname}`, {
      method,
      headers,
      body: payload as BodyInit | undefined,
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as T) : (undefined as T),
    };
  }
  return {
    call,
    get: <T = Json>(pathname: string) => call<T>('GET', pathname),
    post: <T = Json>(pathname: string, body?: unknown) => call<T>('POST', pathname, body),
    put: <T = Json>(pathname: string, body?: unknown) => call<T>('PUT', pathname, body),
  };
}
export type Client = ReturnType<typeof client>;

let userCount = 0;

/** A new user with a unique name (created through the store), signed in over HTTP. */
export async function signedInUser(
  server: TestServer,
  role: Role,
  districtIds: string[] = [],
): Promise<{ user: UserAccount; token: string; api: Client }> {
  userCount += 1;
  const username = `${role}-${process.pid}-${userCount}`;
  const user = await createAccount(server.store, {
    username,
    role,
    password: PASSWORD,
    districtIds,
  });
  const login = await client(server.url).post('/api/auth/login', { username, password: PASSWORD });
  if (login.status !== 200) throw new Error(`login failed: ${JSON.stringify(login.body)}`);
  const token = login.body.token as string;
  return { user, token, api: client(server.url, token) };
}

export interface MutationInput {
  body: Record<string, unknown>;
  id?: string;
  type?: string;
  op?: 'put' | 'delete';
  baseRev?: number;
  mutationId?: string;
  hash?: string;
}

/** A well-formed mutation whose hash is made the way devices make it (WebCrypto). */
export async function mutation(input: MutationInput) {
  return {
    mutationId: input.mutationId ?? uuidv7(),
    type: input.type ?? 'lessons-note',
    id: input.id ?? uuidv7(),
    op: input.op ?? 'put',
    baseRev: input.baseRev ?? 0,
    body: input.body,
    hash: input.hash ?? (await bodyHash(input.body)),
  };
}

export const note = (districtId: string, title = 'Hearing went well') => ({
  districtId,
  title,
  text: 'Women spoke first; the akyn promised a second meeting.',
});

export function push(api: Client, mutations: unknown[], deviceId = 'device-test') {
  return api.post('/api/sync/push', { deviceId, schemaVersion: 1, mutations });
}

export { uuidv7 };

/**
 * Pushes each body on its own and expects the server to refuse it as invalid at `path`,
 * keep running (200) and store nothing.
 */
export async function expectInvalid(
  server: { store: { history(id: string): Promise<unknown[]> } },
  api: Client,
  type: string,
  cases: readonly [Record<string, unknown>, (string | number)[]][],
) {
  for (const [body, path] of cases) {
    const m = await mutation({ type, body });
    const reply = await push(api, [m]);
    expect(reply.status).toBe(200);
    expect(reply.body.results[0], path.join('.')).toMatchObject({
      status: 'rejected',
      error: { code: 'invalid', path },
    });
    expect(await server.store.history(m.id)).toHaveLength(0);
  }
}
