/** Test servers over real HTTP on a real SQLite file in a temporary directory. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import type { Store } from '../../server/store/store.ts';

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

export interface TestServer {
  url: string;
  dataDir: string;
  store: Store;
  close: () => Promise<void>;
}

export async function startTestServer(
  options: { dataDir?: string; staticDir?: string } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? makeTempDir();
  const store = openSqliteStore(dataDir);
  const app = createApp({ store, version: '0.0.0-test', staticDir: options.staticDir });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          store.close();
          resolve();
        });
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
