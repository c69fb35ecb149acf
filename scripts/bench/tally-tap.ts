/**
 * Tap-to-IndexedDB in the real app in Chromium, on a phone viewport: a consultant starts
 * a hearing and taps the attendance counters at a brisk human pace (one tap every 120 ms,
 * women, men and youth in turn). Each change is timed inside the page (User Timing entry
 * `sedp:hearing-persist`) from the tap's handler until the record and its outbox entry are
 * committed. Returns every tap's milliseconds.
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
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';

const root = path.resolve(import.meta.dirname, '../..');

export async function benchTallyTaps(taps = 150): Promise<number[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sedp-bench-tally-'));
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
    await page.goto(`${url}/hearings/new`);
    await page.getByLabel('Municipality').selectOption({ label: 'Kochkor-Ata' });
    await page.getByRole('button', { name: 'Start the hearing' }).click();
    const buttons = ['Women', 'Men', 'Youth'].map((label) =>
      page.getByRole('button', { name: `${label}: plus one`, exact: true }),
    );
    await buttons[0]?.waitFor();
    await page.evaluate(() => performance.clearMeasures('sedp:hearing-persist'));
    for (let i = 0; i < taps; i += 1) {
      await buttons[i % buttons.length]?.click();
      await page.waitForTimeout(120);
    }
    await page.getByText('Saved on this phone').waitFor();
    return await page.evaluate(() =>
      performance.getEntriesByName('sedp:hearing-persist').map((entry) => entry.duration),
    );
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const times = await benchTallyTaps();
  const sorted = [...times].sort((a, b) => a - b);
  console.log({
    n: times.length,
    p50: sorted[Math.floor(sorted.length * 0.5)],
    p95: sorted[Math.floor(sorted.length * 0.95)],
  });
}
