/**
 * The hearings list with 5,000 hearings on the device, in Chromium at 360 px: the time from
 * opening the list (its code already loaded once in this visit) until its first 50 rows are
 * on screen, and from typing a search until the filtered count shows. Hearings are put straight into the app's IndexedDB, as a pull
 * would store them.
 */
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

const root = path.resolve(import.meta.dirname, '../..');

export interface ListFigures {
  openMs: number;
  searchMs: number;
}

export async function benchHearingList(n = 5000, runs = 3): Promise<ListFigures[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sedp-bench-list-'));
  const dataDir = path.join(dir, 'data');
  const store = openSqliteStore(dataDir);
  await seedReferenceData(store);
  const app = createApp({ store, version: 'bench', dataDir, staticDir: path.join(root, 'dist') });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const nooken = TERRITORY_SEED.find((t) => t.code === 'nooken');
    const towns = TERRITORY_SEED.filter((t) => t.parentId === nooken?.id).map((t) => t.id);
    await createAccount(store, {
      username: 'bench',
      displayName: 'Bench',
      role: 'consultant',
      password: 'bench-password-1',
      districtIds: [nooken?.id ?? 'nooken'],
    });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${url}/login?lng=en`);
    await page.getByLabel('Username').fill('bench');
    await page.getByLabel('Password').fill('bench-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation').waitFor();
    await page.goto(`${url}/municipalities`);
    await page
      .getByRole('link', { name: /Kochkor-Ata/ })
      .first()
      .waitFor();
    await page.evaluate(putHearings, { n, districtId: nooken?.id ?? '', towns });
    const figures: ListFigures[] = [];
    // The list's code and strings load once per visit; what is timed is the data and render.
    await page.goto(`${url}/hearings`);
    await page.locator('.list__item').nth(49).waitFor();
    for (let run = 0; run < runs; run += 1) {
      await page.locator('a[href="/"]').first().click();
      await page.locator('.list__item').first().waitFor({ state: 'detached' });
      const openMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelectorAll('.list__item').length >= 50) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            });
            observer.observe(document.body, { childList: true, subtree: true });
            (document.querySelector('a[href="/hearings"]') as HTMLAnchorElement).click();
          }),
      );
      const search = page.getByLabel('Search (municipality, venue, chair)');
      await search.waitFor();
      const searchMs = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const status = document.querySelector('[role="status"]') as HTMLElement;
            const before = status.textContent;
            const input = document.querySelector('input[type="search"]') as HTMLInputElement;
            const started = performance.now();
            const observer = new MutationObserver(() => {
              if (status.textContent !== before) {
                observer.disconnect();
                resolve(performance.now() - started);
              }
            });
            observer.observe(status, { childList: true, subtree: true, characterData: true });
            const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
            setter?.set?.call(input, 'hall 7');
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }),
      );
      figures.push({ openMs, searchMs });
    }
    return figures;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs in the page: N synced hearings (~1 KB each) in the records store. */
export async function putHearings({
  n,
  districtId,
  towns,
}: {
  n: number;
  districtId: string;
  towns: string[];
}) {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('sedp-field');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('records', 'readwrite');
    for (let i = 0; i < n; i += 1) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((i % 12) + 1).padStart(2, '0');
      tx.objectStore('records').put({
        id: `bench-hearing-${i}`,
        type: 'hearing',
        rev: i + 1,
        updatedAt: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
        updatedBy: 'bench',
        deleted: false,
        schemaVersion: 1,
        body: {
          districtId,
          municipalityId: towns[i % towns.length],
          venue: `Culture hall ${i % 40}`,
          date: `2025-${month}-${day}`,
          startTime: '10:00',
          endTime: '12:00',
          stage: 'priorities',
          organiser: 'Aiyl okmotu',
          chair: `Chair ${i % 97}`,
          secretary: `Secretary ${i % 89}`,
          agenda: ['Priorities of the programme', 'Budget 2026'],
          speakers: [],
          proposals: [
            {
              id: `p${i}a`,
              text: 'Repair the school road before winter',
              raisedBy: ['women'],
              response: 'accepted',
            },
            {
              id: `p${i}b`,
              text: 'A youth centre in the aiyl',
              raisedBy: ['youth'],
              response: 'considering',
              reason: 'Next year',
            },
          ],
          decisions: 'The priorities are approved and go to the council.',
          attendance: {
            tally: { women: 20 + (i % 9), men: 15 + (i % 7), groups: { youth: i % 6 } },
            participants: [],
          },
          photos: [],
          status: i % 3 === 0 ? 'draft' : 'final',
        },
      });
    }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

if (import.meta.main) console.log(await benchHearingList());
