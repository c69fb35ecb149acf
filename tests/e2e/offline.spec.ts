import { expect, signIn, test, waitForServiceWorker } from './fixtures.ts';

test('works offline from the first visit, in Kyrgyz', async ({ page, context }) => {
  await signIn(page, 'aida', 'ky');
  await page.goto('/?lng=ky');
  await expect(page.getByRole('heading', { level: 1, name: 'Бүгүн' })).toBeVisible();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
  await expect(page.getByRole('heading', { level: 1, name: 'Бүгүн' })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('status')).toHaveText('Тармак жок');

  // Another section, opened by its address while offline: the navigation fallback serves it.
  await page.goto('/trainings?lng=ky');
  await expect(page.getByRole('heading', { level: 1, name: 'Окутуу' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ky');

  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Жөндөөлөр' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Ушул түзмөктөгү сактагыч' })).toBeVisible();

  // The API is never answered from the cache.
  const api = await page.evaluate(() =>
    fetch('/api/health').then(
      (r) => r.status,
      () => 'network error',
    ),
  );
  expect(api).toBe('network error');
  await context.setOffline(false);
});

test('"works offline now" is said once, on Home, and never pushes a form down', async ({
  page,
}) => {
  await signIn(page, 'aida', 'en');
  await waitForServiceWorker(page);
  const notice = page.getByText('SEDP Field now works offline on this device.');
  const bar = page.getByRole('navigation', { name: 'Sections' });
  await bar.getByRole('link', { name: 'Home' }).click();
  await expect(notice).toBeVisible();
  await bar.getByRole('link', { name: 'Hearings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Public hearings' })).toBeVisible();
  await expect(notice).toHaveCount(0);
  await bar.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await expect(notice).toHaveCount(0);
});

test('API requests go straight to the network, past the service worker', async ({ page }) => {
  await signIn(page, 'aida', 'en');
  await waitForServiceWorker(page);
  await page.reload();
  await waitForServiceWorker(page);
  const source = await page.evaluate(
    () =>
      new Promise<string | undefined>((resolve) => {
        // The timing entry of the request, as soon as the browser records it.
        const observer = new PerformanceObserver((list) => {
          const entry = list.getEntries().find((e) => e.name.endsWith('/api/health')) as
            | (PerformanceEntry & { workerMatchedSourceType?: string })
            | undefined;
          if (!entry) return;
          observer.disconnect();
          resolve(entry.workerMatchedSourceType);
        });
        observer.observe({ type: 'resource' });
        void fetch('/api/health').then((r) => r.text());
      }),
  );
  // A browser without the Static Routing API (or its timing field) asks the worker, as before.
  test.skip(source === undefined, 'no Static Routing API here');
  expect(source).toBe('network');
});
