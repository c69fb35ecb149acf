/**
 * Sync of N queued ~1 KB records in the real app in Chromium: the records and their
 * outbox entries are put straight into the app's IndexedDB (as the repository writes
 * them) while the phone is offline; then the network returns and the clock runs, inside
 * the page, from the `online` event until the outbox is empty (every change applied on
 * the server, with the Sync screen open and updating).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { chromium } from '@playwright/test';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { TERRITORY_SEED } from '../../src/domain/territory-seed.ts';
import { BENCH_FAIR_USE } from './bench-fair-use.ts';

const NOOKEN = TERRITORY_SEED.find((t) => t.code === 'nooken')?.id ?? 'nooken';

const root = path.resolve(import.meta.dirname, '../..');

export async function benchBrowserSync(n = 1000, runs = 3): Promise<number[]> {
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
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    await createAccount(store, {
      username: 'bench',
      displayName: 'Bench',
      role: 'consultant',
      password: 'bench-password-1',
      districtIds: [NOOKEN],
    });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
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
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await page.goto(`${url}/sync`);
      await page.getByTestId('pending-count').filter({ hasText: 'Nothing waiting' }).waitFor();
      await page.evaluate(queueRecords, { n, run, districtId: NOOKEN });
      // The phone is offline with N changes queued, then comes back (as at the district
      // office): the `online` event starts the sync; the clock stops when all is sent.
      await context.setOffline(true);
      await page.reload();
      await page
        .getByTestId('pending-count')
        .filter({ hasText: `${n} changes` })
        .waitFor();
      // Timed inside the page: from the `online` event until the outbox is empty.
      await page.evaluate(() => {
        (window as unknown as { benchDone: Promise<number> }).benchDone = new Promise<number>(
          (resolve) => {
            window.addEventListener(
              'online',
              () => {
                const started = performance.now();
                // One connection, a count every 20 ms: light next to the sync it watches.
                const open = indexedDB.open('sedp-field');
                open.onsuccess = () => {
                  const db = open.result;
                  const poll = () => {
                    const count = db.transaction('outbox').objectStore('outbox').count();
                    count.onsuccess = () => {
                      if (count.result > 0) return void setTimeout(poll, 20);
                      db.close();
                      resolve((performance.now() - started) / 1000);
                    };
                  };
                  poll();
                };
              },
              { once: true },
            );
          },
        );
      });
      await context.setOffline(false);
      times.push(
        await page.evaluate(() => (window as unknown as { benchDone: Promise<number> }).benchDone),
      );
      await page
        .getByTestId('pending-count')
        .filter({ hasText: 'Nothing waiting' })
        .waitFor({ timeout: 60_000 });
    }
    return times;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs in the page: writes records + outbox entries in one IndexedDB transaction. */
async function queueRecords({
  n,
  run,
  districtId,
}: {
  n: number;
  run: number;
  districtId: string;
}) {
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
  const words = 'жаштар аялдар сунуш кеңеш угуу бюджет мектеп суу жол молодежь школа дорога'.split(
    ' ',
  );
  const items: { body: Record<string, unknown>; hash: string; id: string; mutationId: string }[] =
    [];
  for (let i = 0; i < n; i += 1) {
    let text = '';
    while (text.length < 520)
      text += `${words[(i * 7 + text.length) % words.length]} ${(i * 31 + text.length) % 997} `;
    const body = { districtId, title: `Run ${run} note ${i}`, text };
    const hash = hex(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(body))),
    );
    items.push({ body, hash, id: crypto.randomUUID(), mutationId: crypto.randomUUID() });
  }
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('sedp-field');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const at = new Date().toISOString();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['records', 'outbox'], 'readwrite');
    for (const { body, hash, id, mutationId } of items) {
      tx.objectStore('records').put({
        id,
        type: 'lessons-note',
        rev: 0,
        updatedAt: at,
        updatedBy: 'bench',
        deleted: false,
        schemaVersion: 1,
        body,
      });
      tx.objectStore('outbox').add({
        mutationId,
        type: 'lessons-note',
        id,
        op: 'put',
        baseRev: 0,
        body,
        hash,
        createdAt: at,
        attempts: 0,
        lastError: null,
        state: 'pending',
      });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

if (import.meta.main) {
  if (spawnSync('test', ['-f', path.join(root, 'dist', 'index.html')]).status !== 0) {
    throw new Error('Build first: npm run build');
  }
  console.log(await benchBrowserSync());
}
