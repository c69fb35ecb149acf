/**
 * Push of N queued hearing-sized records (about 1.3 KB of JSON each) in the real app in
 * Chromium: the records and their outbox entries are put straight into the app's IndexedDB
 * (as the repository writes them) while the phone is offline; then the network returns and
 * the clock runs, inside the page, from the `online` event. Two times per run: until the
 * outbox is empty (the last change acknowledged by the server and settled on the device:
 * the push), and until the cycle is done (the pull that follows it stored too).
 * The screen open during the sync is the Sync screen unless told otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from '@playwright/test';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { BENCH_FAIR_USE } from './bench-fair-use.ts';
import { fill } from './device-scale.ts';

const NOOKEN = TERRITORY_SEED.find((t) => t.code === 'nooken')?.id ?? 'nooken';

const root = path.resolve(import.meta.dirname, '../..');

export const launchBenchBrowser = () =>
  chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });

export interface SyncRun {
  /** From the `online` event until the outbox is empty, in seconds. */
  push: number;
  /** From the `online` event until the cycle is done (push and the pull after it). */
  cycle: number;
  /** Sums of the engine's timing marks (sync:send, sync:settle, ...), in ms. */
  marks: Record<string, number>;
  /** Size of one record's JSON as stored (bytes, UTF-8). */
  recordBytes: number;
}

export type SyncScreen = 'sync' | 'hearings';

export interface SedpDevice {
  /** Queues `n` records offline, opens `screen`, goes online and times the sync. */
  run(n: number, screen?: SyncScreen): Promise<SyncRun>;
  /** Puts `n` synced hearings on the device (as a pull would store them). */
  addHearings(n: number): Promise<void>;
  close(): Promise<void>;
}

/** The app served by the real server (durable SQLite), signed in as a consultant. */
export async function openSedpDevice(browser?: Browser): Promise<SedpDevice> {
  if (spawnSync('test', ['-f', path.join(root, 'dist', 'index.html')]).status !== 0) {
    throw new Error('Build first: npm run build');
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sedp-bench-browser-'));
  const dataDir = path.join(dir, 'data');
  const store = openSqliteStore(dataDir);
  // District records must name a real district: the seeded territories.
  await seedReferenceData(store);
  const app = createApp({
    store,
    version: 'bench',
    dataDir,
    staticDir: path.join(root, 'dist'),
    fairUse: BENCH_FAIR_USE,
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ownBrowser = browser ? null : await launchBenchBrowser();
  const context = await (browser ?? ownBrowser)?.newContext({
    viewport: { width: 360, height: 740 },
  });
  if (!context) throw new Error('No browser');
  const close = async () => {
    await context.close();
    await ownBrowser?.close();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    });
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await createAccount(store, {
      username: 'bench',
      displayName: 'Bench',
      role: 'consultant',
      password: 'bench-password-1',
      districtIds: [NOOKEN],
    });
    const page = await context.newPage();
    await page.goto(`${url}/login?lng=en`);
    await page.getByLabel('Username').fill('bench');
    await page.getByLabel('Password').fill('bench-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').waitFor();
    // Offline reloads need the service worker in control.
    await page.waitForFunction(async () =>
      Boolean((await navigator.serviceWorker.ready).active && navigator.serviceWorker.controller),
    );
    let runs = 0;
    return {
      async addHearings(n) {
        // Stored on the server in the consultant's district, then pulled by the device as in
        // the field, so the device's list index holds them.
        fill(dataDir, n, ['nooken']);
        await page.goto(`${url}/sync`);
        await page.getByTestId('pending-count').filter({ hasText: 'Nothing waiting' }).waitFor();
        const before = await page.evaluate(lastSuccessAt);
        await page.getByRole('button', { name: 'Sync now' }).click();
        while ((await page.evaluate(lastSuccessAt)) === before) await page.waitForTimeout(200);
      },
      async run(n, screen = 'sync') {
        runs += 1;
        await page.goto(`${url}/sync`);
        await page.getByTestId('pending-count').filter({ hasText: 'Nothing waiting' }).waitFor();
        const records = benchRecords({ n, run: runs, districtId: NOOKEN });
        await page.evaluate(queueRecords, records);
        const recordBytes = Buffer.byteLength(JSON.stringify(records[0]));
        // The phone is offline with N changes queued, then comes back (as at the district
        // office): the `online` event starts the sync.
        await context.setOffline(true);
        await page.reload();
        await page
          .getByTestId('pending-count')
          .filter({ hasText: `${n} changes` })
          .waitFor();
        if (screen === 'hearings') await openHearings(page, url);
        await page.evaluate(armTimer);
        await context.setOffline(false);
        const timed = await page.evaluate(
          () =>
            (window as unknown as { benchDone: Promise<Omit<SyncRun, 'recordBytes'>> }).benchDone,
        );
        return { ...timed, recordBytes };
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Opens the hearings list from the app's own navigation (the page stays offline). */
async function openHearings(page: Page, url: string) {
  await page.goto(`${url}/hearings`);
  await page.locator('.list__item').first().waitFor({ timeout: 120_000 });
}

/**
 * Runs in the page: from the `online` event, watches the outbox until it is empty (one
 * connection; every 5 ms it asks for the outbox's first key, not a count of every entry:
 * light next to the sync it watches, and at most a few ms late where PouchDB's own figure
 * comes from its `complete` callback), then the last-success mark until the cycle has
 * written it. Resolves once the listener is in place.
 */
async function armTimer() {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('sedp-field');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const read = <T>(store: string, make: (s: IDBObjectStore) => IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      const request = make(db.transaction(store).objectStore(store));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const lastSuccess = async () =>
    ((await read('syncMeta', (s) => s.get('lastSuccessAt'))) as { value?: string } | undefined)
      ?.value;
  const before = await lastSuccess();
  (window as unknown as { benchDone: Promise<unknown> }).benchDone = new Promise((resolve) => {
    window.addEventListener(
      'online',
      async () => {
        const started = performance.now();
        performance.clearMeasures();
        const wait = () => new Promise((next) => setTimeout(next, 5));
        while ((await read('outbox', (s) => s.getAllKeys(null, 1))).length > 0) await wait();
        const push = (performance.now() - started) / 1000;
        while ((await lastSuccess()) === before) await wait();
        const cycle = (performance.now() - started) / 1000;
        const marks: Record<string, number> = {};
        for (const entry of performance.getEntriesByType('measure')) {
          if (!entry.name.startsWith('sync:')) continue;
          marks[entry.name] = Math.round((marks[entry.name] ?? 0) + entry.duration);
        }
        db.close();
        resolve({ push, cycle, marks });
      },
      { once: true },
    );
  });
}

export type BenchRecord = ReturnType<typeof benchRecords>[number];

/**
 * The benchmark's records, the same for SEDP Field and PouchDB: notes of about 1.3 KB of
 * JSON as stored (Kyrgyz and Russian words, varied so that gzip is not flattered).
 */
export function benchRecords({
  n,
  run,
  districtId,
}: {
  n: number;
  run: number;
  districtId: string;
}) {
  const words = (
    'жаштар аялдар эркектер сунуш кеңеш угуу бюджет мектеп суу жол көпүрө оорукана бала бакча ' +
    'спорт аянтча жарык таза ичүүчү сугат канал молодежь женщины предложение школа дорога ' +
    'вода мост больница освещение пастбище орошение протокол решение принято отклонено'
  ).split(' ');
  const at = new Date().toISOString();
  const records = [];
  let seed = run * 7919 + 1;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  for (let i = 0; i < n; i += 1) {
    let text = '';
    while (text.length < 650) text += `${words[next() % words.length]} ${next() % 1000} `;
    records.push({
      id: crypto.randomUUID(),
      type: 'lessons-note',
      rev: 0,
      updatedAt: at,
      updatedBy: 'bench',
      deleted: false,
      schemaVersion: 1,
      body: { districtId, title: `Коомдук угуу ${run}-${i}: сунуштар`, text },
    });
  }
  return records;
}

/** Runs in the page: writes records + outbox entries in one IndexedDB transaction. */
async function queueRecords(records: BenchRecord[]) {
  const canonical = (value: unknown): string => {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
    const entries = Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  };
  const hex = (buffer: ArrayBuffer) =>
    Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
  const hashes = await Promise.all(
    records.map(async (r) =>
      hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(r.body)))),
    ),
  );
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('sedp-field');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['records', 'outbox'], 'readwrite');
    records.forEach((record, i) => {
      tx.objectStore('records').put(record);
      tx.objectStore('outbox').add({
        mutationId: crypto.randomUUID(),
        type: record.type,
        id: record.id,
        op: 'put',
        baseRev: 0,
        body: record.body,
        hash: hashes[i],
        createdAt: record.updatedAt,
        attempts: 0,
        lastError: null,
        state: 'pending',
      });
    });
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** The SEDP push alone, `runs` times on one page (the first is a warm-up the caller drops). */
export async function benchBrowserSync(n = 1000, runs = 3): Promise<SyncRun[]> {
  const device = await openSedpDevice();
  try {
    const results: SyncRun[] = [];
    for (let run = 0; run < runs; run += 1) results.push(await device.run(n));
    return results;
  } finally {
    await device.close();
  }
}

if (import.meta.main) {
  console.log(await benchBrowserSync(Number(process.argv[2] ?? 1000)));
}

/** In the page: when the last sync succeeded, as stored. */
async function lastSuccessAt(): Promise<unknown> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('sedp-field');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    return await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction('syncMeta').objectStore('syncMeta').get('lastSuccessAt');
      request.onsuccess = () => resolve(request.result?.value);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}
