/**
 * PouchDB, for comparison: the same records replicated from PouchDB in Chromium
 * (pouchdb-browser with its IndexedDB adapter, bundled for the page by Vite) to
 * express-pouchdb on pouchdb-node (LevelDB through leveldown, in a temporary directory)
 * over loopback, with PouchDB's default batches of 100. Timed inside the page from the start
 * of `replicate.to` until it completes (every document acknowledged by the server). The
 * records are written into a fresh local database before the clock starts, the remote
 * database is created before it too. Note for the comparison: leveldown writes without
 * `sync`, so this server does not flush to disk before it answers, where SEDP Field's
 * (SQLite, synchronous=FULL) does.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { build } from 'vite';
import { type BenchRecord, benchRecords } from './browser-sync.ts';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '../..');

export interface PouchRun {
  seconds: number;
}

export interface PouchDevice {
  /** The adapters in use, as PouchDB reports them: browser side, server side. */
  adapters: { browser: string; server: string };
  run(n: number): Promise<PouchRun>;
  close(): Promise<void>;
}

/** pouchdb-browser as one script for the page (`window.PouchDB`). */
async function bundlePouchDB(dir: string): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir: dir,
      emptyOutDir: false,
      minify: true,
      lib: {
        entry: require.resolve('pouchdb-browser'),
        name: 'PouchDB',
        formats: ['iife'],
        fileName: () => 'pouchdb.js',
      },
    },
  });
  return readFileSync(path.join(dir, 'pouchdb.js'), 'utf8');
}

interface NodePouch {
  defaults(options: { prefix: string }): NodePouchConstructor;
}
type NodePouchConstructor = new (name: string) => { info(): Promise<{ adapter: string }> };

export async function openPouchDevice(browser: Browser, districtId: string): Promise<PouchDevice> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sedp-bench-pouchdb-'));
  const script = await bundlePouchDB(dir);
  const PouchDB = (require('pouchdb-node') as NodePouch).defaults({ prefix: `${dir}/` });
  const expressPouchDB = require('express-pouchdb') as (
    pouch: NodePouchConstructor,
    options: Record<string, unknown>,
  ) => http.RequestListener;
  const app = expressPouchDB(PouchDB, {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    logPath: path.join(dir, 'log.txt'),
  });
  const server = http.createServer((req, res) => {
    if (req.url === '/bench-page/') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<!doctype html><meta charset="utf-8"><script src="/bench-page/pouchdb.js"></script>',
      );
      return;
    }
    if (req.url === '/bench-page/pouchdb.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
      return;
    }
    app(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const close = async () => {
    await context.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const page = await context.newPage();
    await page.goto(`${url}/bench-page/`);
    await page.waitForFunction(() => 'PouchDB' in window);
    const browserAdapter = await page.evaluate(async () => {
      const Pouch = (window as unknown as { PouchDB: PouchConstructor }).PouchDB;
      const db = new Pouch('probe');
      const { adapter } = await db.info();
      await db.destroy();
      return adapter;
    });
    const serverAdapter = (await new PouchDB('probe').info()).adapter;
    let runs = 0;
    return {
      adapters: { browser: browserAdapter, server: serverAdapter },
      async run(n) {
        runs += 1;
        const name = `bench-${runs}`;
        const records = benchRecords({ n, run: 10_000 + runs, districtId });
        await page.evaluate(writeLocal, { name, records, remote: `${url}/${name}` });
        const { seconds, written } = await page.evaluate(replicate, {
          name,
          remote: `${url}/${name}`,
        });
        if (written !== n) throw new Error(`PouchDB wrote ${written} of ${n}`);
        return { seconds };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

interface PouchInPage {
  info(): Promise<{ adapter: string }>;
  bulkDocs(docs: object[]): Promise<unknown>;
  destroy(): Promise<unknown>;
  replicate: { to(target: string): Promise<{ docs_written: number; ok: boolean }> };
}
type PouchConstructor = new (name: string) => PouchInPage;

/** Runs in the page: the records as documents of a fresh local database; the remote made. */
async function writeLocal({
  name,
  records,
  remote,
}: {
  name: string;
  records: BenchRecord[];
  remote: string;
}) {
  const Pouch = (window as unknown as { PouchDB: PouchConstructor }).PouchDB;
  const db = new Pouch(name);
  for (let start = 0; start < records.length; start += 500) {
    await db.bulkDocs(
      records.slice(start, start + 500).map(({ id, ...rest }) => ({ _id: id, ...rest })),
    );
  }
  await new Pouch(remote).info();
}

/** Runs in the page: times one replication of the local database to the server. */
async function replicate({ name, remote }: { name: string; remote: string }) {
  const Pouch = (window as unknown as { PouchDB: PouchConstructor }).PouchDB;
  const db = new Pouch(name);
  const started = performance.now();
  const result = await db.replicate.to(remote);
  const seconds = (performance.now() - started) / 1000;
  await db.destroy();
  return { seconds, written: result.docs_written };
}
