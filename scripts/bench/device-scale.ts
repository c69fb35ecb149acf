/**
 * A device with many records, in Chromium at 360 px, the app built (`npm run build`): the
 * server holds N hearings (and N/20 trainings) in three districts; a coordinator signs in
 * on a fresh device and the first sync downloads them all. Timed: that first download
 * (sign-in to the sync's success, with the progress bar checked on screen), then on the
 * loaded device opening the hearings list until its first 50 rows are drawn (again within
 * the visit, and right after a reload of the app), a search
 * until its count shows and its rows are drawn, and opening the dashboard until its figures
 * are drawn. Each figure: median, min and max over the runs, and the 1-minute load average
 * when its runs start (the bench machine is shared: see the load).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from '@playwright/test';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { openSqliteDatabase, openSqliteStore } from '../../server/store/sqlite-store.ts';
import { pad2 } from '../../src/domain/local-date.ts';
import { BENCH_FAIR_USE } from './bench-fair-use.ts';

const root = path.resolve(import.meta.dirname, '../..');
const PASSWORD = 'bench-password-1';

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number;
  /** 1-minute load average when the runs started. */
  load: number;
}

export interface DeviceScaleFigures {
  records: number;
  /** Sign-in to the first sync's success, ms. */
  firstDownload: Spread;
  /** Whether the download's progress bar was seen on screen. */
  progressShown: boolean;
  /** Opened again in this visit (the list reuses what it read while no page changed). */
  listOpen: Spread;
  /** Opened after a reload of the app: nothing of the list kept in memory, code from cache. */
  listOpenCold: Spread;
  listSearch: Spread;
  dashboard: Spread;
}

const load1 = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
function spread(values: number[], load: number): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number | undefined) => Math.round((v ?? Number.NaN) * 10) / 10;
  return {
    median: round(sorted[Math.floor(sorted.length / 2)]),
    min: round(sorted[0]),
    max: round(sorted.at(-1)),
    runs: sorted.length,
    load,
  };
}

const codeId = (code: string) => TERRITORY_SEED.find((t) => t.code === code)?.id ?? code;

/** The municipalities of the seeded districts (or of the ones named), each with its district. */
function places(districtCodes = ['nooken', 'aksy', 'issyk-kul-district']) {
  const districts = districtCodes.map(codeId);
  const found = TERRITORY_SEED.filter((t) => t.parentId && districts.includes(t.parentId)).map(
    (t) => ({ districtId: t.parentId as string, municipalityId: t.id }),
  );
  if (found.length === 0) throw new Error('No seeded municipalities');
  return found;
}

function hearingBody(i: number, place: { districtId: string; municipalityId: string }) {
  const day = pad2((i % 28) + 1);
  const month = pad2((i % 12) + 1);
  return {
    districtId: place.districtId,
    municipalityId: place.municipalityId,
    venue: `Culture hall ${i % 40}`,
    date: `${2020 + (i % 6)}-${month}-${day}`,
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
  };
}

function trainingBody(i: number, place: { districtId: string; municipalityId: string }) {
  const month = pad2((i % 12) + 1);
  return {
    districtId: place.districtId,
    municipalityIds: [place.municipalityId],
    moduleCodes: [],
    title: `Budget hearings training ${i}`,
    dates: [`${2020 + (i % 6)}-${month}-10`],
    venue: `Training centre ${i % 12}`,
    trainers: 'Trainer',
    notes: '',
    status: 'held',
    attendance: { tally: { women: 10 + (i % 5), men: 8, groups: {} }, participants: [] },
  };
}

/**
 * `n` hearings and `n / 20` trainings, stored as pushes would have stored them, in the
 * seeded districts or in those named by code.
 */
export function fill(dataDir: string, n: number, districtCodes?: string[]) {
  const db = openSqliteDatabase(dataDir);
  const spots = places(districtCodes);
  const now = new Date().toISOString();
  const insert = db.prepare(
    `INSERT INTO revisions (record_id, type, body, deleted, updated_at, updated_by,
       schema_version, mutation_id, kind, user_id, device_id)
     VALUES (?, ?, ?, 0, ?, 'bench', 1, ?, 'applied', NULL, 'bench-fill')`,
  );
  db.exec('BEGIN');
  for (let i = 0; i < n; i += 1) {
    const spot = spots[i % spots.length] as (typeof spots)[number];
    insert.run(randomUUID(), 'hearing', JSON.stringify(hearingBody(i, spot)), now, randomUUID());
    if (i % 20 === 0) {
      insert.run(
        randomUUID(),
        'training',
        JSON.stringify(trainingBody(i, spot)),
        now,
        randomUUID(),
      );
    }
  }
  db.exec(
    `INSERT INTO records (id, type, rev, district_id, deleted, updated_at, updated_by,
       schema_version, body)
     SELECT record_id, type, rev, json_extract(body, '$.districtId'), 0, updated_at,
       updated_by, schema_version, body
     FROM revisions WHERE device_id = 'bench-fill'`,
  );
  db.exec('COMMIT');
  db.close();
}

/** In the page: whether the first sync has succeeded (it is written after the last page). */
async function firstSyncDone(): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('sedp-field');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    if (!db.objectStoreNames.contains('syncMeta')) return false;
    return await new Promise<boolean>((resolve, reject) => {
      const request = db.transaction('syncMeta').objectStore('syncMeta').get('lastSuccessAt');
      request.onsuccess = () => resolve(request.result !== undefined);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Signs in on a fresh device and waits for the first sync: ms, and whether progress showed. */
async function firstDownload(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${url}/login?lng=en`);
  await page.getByLabel('Username').fill('bench');
  await page.getByLabel('Password').fill(PASSWORD);
  const started = performance.now();
  await page.getByRole('button', { name: 'Sign in' }).click();
  let progressShown = false;
  for (;;) {
    if (!progressShown) {
      progressShown = await page
        .getByRole('progressbar', { name: 'Downloading records to this device' })
        .isVisible();
    }
    if (await page.evaluate(firstSyncDone)) break;
    await page.waitForTimeout(100);
  }
  return { ms: performance.now() - started, progressShown, context, page };
}

/** Clicks a link in the page and resolves when `done` holds, in ms (timed in the page). */
function timeClick(page: Page, href: string, done: string): Promise<number> {
  return page.evaluate(
    ({ href, done }) =>
      new Promise<number>((resolve) => {
        const check = new Function(`return (${done});`) as () => boolean;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (check()) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        (document.querySelector(`a[href="${href}"]`) as HTMLAnchorElement).click();
      }),
    { href, done },
  );
}

const goHome = async (page: Page) => {
  await page.locator('a[href="/"]').first().click();
  await page.locator('.home, .page').first().waitFor();
  await page.locator('.list__item, .dashboard').first().waitFor({ state: 'detached' });
};

export async function benchDeviceScale(n: number, runs = 5): Promise<DeviceScaleFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sedp-bench-device-scale-'));
  const dataDir = path.join(dir, 'data');
  const store = openSqliteStore(dataDir);
  await seedReferenceData(store);
  fill(dataDir, n);
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
      role: 'coordinator',
      password: PASSWORD,
      districtIds: [],
    });
    // First downloads: a fresh device (browser context) each; the last one stays for the rest.
    const downloadRuns = Math.min(runs, n > 10_000 ? 3 : runs);
    const downloadLoad = load1();
    const downloads: number[] = [];
    let progressShown = true;
    let device: Awaited<ReturnType<typeof firstDownload>> | undefined;
    for (let run = 0; run < downloadRuns; run += 1) {
      await device?.context.close();
      device = await firstDownload(browser, url);
      downloads.push(device.ms);
      progressShown &&= device.progressShown;
    }
    if (!device) throw new Error('No download run');
    const { page } = device;
    page.setDefaultTimeout(180_000);
    console.error(`${n}: first download ${JSON.stringify(spread(downloads, downloadLoad))}`);

    // The list's code and strings load once per visit; what is timed is the data and render.
    await page.goto(`${url}/hearings`);
    await page.locator('.list__item').nth(49).waitFor();
    const listLoad = load1();
    const opens: number[] = [];
    const searches: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await goHome(page);
      opens.push(
        await timeClick(page, '/hearings', "document.querySelectorAll('.list__item').length >= 50"),
      );
      const search = page.getByLabel('Search (municipality, venue, chair)');
      // At 360 px the list's filters are folded behind "Filter".
      if (!(await search.isVisible())) await page.getByRole('button', { name: /^Filter/ }).click();
      await search.fill('');
      await page.locator('.list__item').nth(49).waitFor();
      searches.push(
        await page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              const status = document.querySelector('[role="status"]') as HTMLElement;
              const before = status.textContent;
              const input = document.querySelector('input[type="search"]') as HTMLInputElement;
              const started = performance.now();
              const observer = new MutationObserver(() => {
                const first = document.querySelector('.list__item');
                if (status.textContent !== before && first?.textContent?.includes('hall 7')) {
                  observer.disconnect();
                  resolve(performance.now() - started);
                }
              });
              observer.observe(document.body, {
                childList: true,
                subtree: true,
                characterData: true,
              });
              const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
              setter?.set?.call(input, 'hall 7');
              input.dispatchEvent(new Event('input', { bubbles: true }));
            }),
        ),
      );
    }

    // Cold: the app reloaded on the home screen, then the list opened (its code from cache).
    const colds: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await page.goto(`${url}/`);
      await page.locator('a[href="/hearings"]').first().waitFor();
      colds.push(
        await timeClick(page, '/hearings', "document.querySelectorAll('.list__item').length >= 50"),
      );
    }
    console.error(
      `${n}: list open cold ${JSON.stringify(spread(colds, listLoad))}, list open ${JSON.stringify(spread(opens, listLoad))}, search ${JSON.stringify(spread(searches, listLoad))}`,
    );
    // The dashboard: its code loads once; then from a click until its figures are drawn.
    await page.goto(`${url}/dashboard`);
    await page.locator('.dashboard .filters, .dashboard section').first().waitFor();
    const dashboardLoad = load1();
    const dashboards: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      await goHome(page);
      dashboards.push(
        await timeClick(
          page,
          '/dashboard',
          "document.querySelector('.dashboard') !== null && document.querySelector('.dashboard > p.muted') === null && document.querySelector('.dashboard section') !== null",
        ),
      );
    }
    return {
      records: n,
      firstDownload: spread(downloads, downloadLoad),
      progressShown,
      listOpen: spread(opens, listLoad),
      listOpenCold: spread(colds, listLoad),
      listSearch: spread(searches, listLoad),
      dashboard: spread(dashboards, dashboardLoad),
    };
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const n = Number(process.argv[2] ?? 5000);
  console.log(JSON.stringify(await benchDeviceScale(n, Number(process.argv[3] ?? 5)), null, 2));
}
