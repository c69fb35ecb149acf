/**
 * A coordinator's new device downloads more than one pull page: the progress shows records
 * and data received, and a download whose connection drops goes on from its last page.
 * Its own server (the shared one's records must not grow by a thousand hearings).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { test as base, expect } from '@playwright/test';
import { createApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { seedReferenceData } from '../../server/seed/seed-reference-data.ts';
import { TERRITORY_SEED } from '../../server/seed/territory-seed.ts';
import { openSqliteStore } from '../../server/store/sqlite-store.ts';
import { bodyHash } from '../../src/domain/hash.ts';
import { newHearing } from '../../src/domain/hearing.ts';
import { MAX_PULL_LIMIT } from '../../src/domain/sync-limits.ts';

/** The app's pull page, and a little over two pages of hearings. */
const PAGE = MAX_PULL_LIMIT;
const HEARINGS = 2.2 * PAGE;
const PASSWORD = 'first-download-2026';

const test = base.extend<{ server: string }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture names from this pattern.
  server: async ({}, use) => {
    const staticDir = process.env.SEDP_E2E_STATIC_DIR;
    if (!staticDir) throw new Error('SEDP_E2E_STATIC_DIR is not set: global setup did not run');
    const dir = mkdtempSync(path.join(tmpdir(), 'sedp-e2e-download-'));
    const dataDir = path.join(dir, 'data');
    const store = openSqliteStore(dataDir);
    await seedReferenceData(store);
    await createAccount(store, {
      username: 'coordinator',
      displayName: 'Координатор',
      role: 'coordinator',
      password: PASSWORD,
      districtIds: [],
    });
    const app = createApp({ store, version: 'e2e', dataDir, staticDir });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    await use(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  },
});

const place = (code: string) => {
  const found = TERRITORY_SEED.find((t) => t.code === code);
  if (!found?.parentId) throw new Error(`No seeded municipality ${code}`);
  return { districtId: found.parentId, municipalityId: found.id };
};

/** Hearings pushed through the sync API, as consultants' phones would have sent them. */
async function pushHearings(url: string, n: number) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'coordinator', password: PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const where = place('kochkor-ata');
  for (let start = 0; start < n; start += 100) {
    const mutations = await Promise.all(
      Array.from({ length: Math.min(100, n - start) }, async (_, j) => {
        const i = start + j;
        const body = {
          ...newHearing(where, new Date(2025, i % 12, (i % 28) + 1, 10, 0)),
          venue: `Culture hall ${i}`,
        };
        return {
          mutationId: randomUUID(),
          type: 'hearing',
          id: randomUUID(),
          op: 'put',
          baseRev: 0,
          body,
          hash: await bodyHash(body),
        };
      }),
    );
    const response = await fetch(`${url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: 'e2e-field-phone', schemaVersion: 1, mutations }),
    });
    const { results } = (await response.json()) as { results: { status: string }[] };
    expect(results.every((r) => r.status === 'applied')).toBe(true);
  }
}

test('a new device shows its first download and goes on from the last page after the connection drops', async ({
  browser,
  server,
}) => {
  await pushHearings(server, HEARINGS);
  // No service worker: what is checked is each pull request the page makes.
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();

  // Pull pages come slowly (a rural 3G line), and the connection drops on the third.
  const asked: number[] = [];
  let dropped = false;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/sync/pull?**', async (route) => {
    const since = Number(new URL(route.request().url()).searchParams.get('since'));
    asked.push(since);
    if (asked.length === 2) await held; // the second page waits until the progress is checked
    if (asked.length === 3 && !dropped) {
      dropped = true;
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });

  await page.goto(`${server}/login?lng=en`);
  await page.getByLabel('Username').fill('coordinator');
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();

  const progress = page.getByRole('progressbar', { name: 'Downloading records to this device' });
  await expect(progress).toBeVisible();
  const figures = new RegExp(
    `^${PAGE.toLocaleString('en')} of [\\d,]+ records · [\\d.,]+\\s[KM]B received$`,
  );
  await expect(page.getByText(figures)).toBeVisible();
  const total = Number(await progress.getAttribute('max'));
  expect(total).toBeGreaterThan(HEARINGS);
  release();
  // The second page is stored; the third's connection drops.
  await expect.poll(() => asked.length).toBeGreaterThanOrEqual(3);
  await expect(progress).toHaveCount(0);

  // The third page's connection dropped: the next try asks from where the download stood.
  await page.goto(`${server}/sync`);
  await expect(page.getByRole('button', { name: 'Sync now' })).toBeEnabled();
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText(/^Last successful sync: /)).toBeVisible();
  await expect(progress).toHaveCount(0);
  expect(asked[0]).toBe(0);
  expect(asked[3]).toBe(asked[2]);
  expect(asked[2]).toBeGreaterThan(asked[1] ?? 0);
  expect(asked.slice(3).includes(0)).toBe(false);

  // Every hearing is on the device once.
  await page.goto(`${server}/hearings`);
  await expect(page.getByText(`${HEARINGS.toLocaleString('en')} hearings`)).toBeVisible();
  await context.close();
});
