import { test as base, expect } from '@playwright/test';

/** Every journey runs against the server global-setup started. */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture names from this pattern.
  baseURL: async ({}, use) => {
    const url = process.env.SEDP_E2E_URL;
    if (!url) throw new Error('SEDP_E2E_URL is not set: global setup did not run');
    await use(url);
  },
});

export { expect };

/** Waits until a service worker controls the page: from then on it works offline. */
export async function waitForServiceWorker(page: import('@playwright/test').Page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active && navigator.serviceWorker.controller);
  });
}
