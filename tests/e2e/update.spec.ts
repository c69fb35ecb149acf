import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, signIn, test, waitForServiceWorker } from './fixtures.ts';

test('a new version waits for the user and never reloads by itself', async ({ page }) => {
  const swFile = path.join(process.env.SEDP_E2E_STATIC_DIR ?? '', 'sw.js');
  const original = readFileSync(swFile, 'utf8');
  try {
    await signIn(page, 'aida');
    await page.goto('/settings?lng=en');
    await waitForServiceWorker(page);
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    // Publish a new version and let the browser notice it.
    writeFileSync(swFile, `${original}\n// next version\n`);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      await registration.update();
    });

    const prompt = page.getByRole('alertdialog', { name: 'Update available' });
    // The new worker installs (checks every precached file) before it asks: slow on a busy CI.
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(1000);
    // Still the same page: nothing reloaded while the user was busy.
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );

    await page.getByRole('button', { name: 'Later' }).click();
    await expect(prompt).toBeHidden();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(
      true,
    );
  } finally {
    writeFileSync(swFile, original);
  }
});

test('accepting the update reloads into the new version', async ({ page }) => {
  const swFile = path.join(process.env.SEDP_E2E_STATIC_DIR ?? '', 'sw.js');
  const original = readFileSync(swFile, 'utf8');
  try {
    await signIn(page, 'aida');
    await page.goto('/?lng=en');
    await waitForServiceWorker(page);
    writeFileSync(swFile, `${original}\n// another version\n`);
    await page.evaluate(async () => {
      (window as unknown as { stayed: boolean }).stayed = true;
      await (await navigator.serviceWorker.ready).update();
    });
    await page.getByRole('button', { name: 'Update now' }).click();
    await page.waitForFunction(() => !(window as unknown as { stayed?: boolean }).stayed);
    await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
    await expect(page.getByRole('alertdialog')).toBeHidden();
  } finally {
    writeFileSync(swFile, original);
  }
});

test('an update accepted while a form is half filled loses nothing', async ({ page }) => {
  const swFile = path.join(process.env.SEDP_E2E_STATIC_DIR ?? '', 'sw.js');
  const original = readFileSync(swFile, 'utf8');
  try {
    await signIn(page, 'aida');
    await waitForServiceWorker(page);
    await page.goto('/notes');
    await page.getByLabel('Title').fill('Half-written during an update');
    await page.getByLabel('Note', { exact: true }).fill('Started before the new version came');

    writeFileSync(swFile, `${original}\n// version with a fix\n`);
    await page.evaluate(async () => {
      (window as unknown as { stayed: boolean }).stayed = true;
      await (await navigator.serviceWorker.ready).update();
    });
    await page.getByRole('button', { name: 'Update now' }).click();
    await page.waitForFunction(() => !(window as unknown as { stayed?: boolean }).stayed);

    await expect(page.getByLabel('Title')).toHaveValue('Half-written during an update');
    await expect(page.getByLabel('Note', { exact: true })).toHaveValue(
      'Started before the new version came',
    );
  } finally {
    writeFileSync(swFile, original);
  }
});
