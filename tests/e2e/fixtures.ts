import { test as base, expect, type Page } from '@playwright/test';
import { E2E_PASSWORD } from './global-setup.ts';

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

const SIGN_IN = {
  en: { username: 'Username', password: 'Password', submit: 'Sign in' },
  ru: { username: 'Имя пользователя', password: 'Пароль', submit: 'Войти' },
  ky: { username: 'Колдонуучунун аты', password: 'Сырсөз', submit: 'Кирүү' },
} as const;

/** Signs in through the login screen, as a person would. */
export async function signIn(
  page: Page,
  username: string,
  language: keyof typeof SIGN_IN = 'en',
  password: string = E2E_PASSWORD,
) {
  const words = SIGN_IN[language];
  await page.goto(`/login?lng=${language}`);
  await page.getByLabel(words.username).fill(username);
  await page.getByLabel(words.password).fill(password);
  await page.getByRole('button', { name: words.submit }).click();
  await expect(page.getByRole('navigation')).toBeVisible();
}

/** Waits until a service worker controls the page: from then on it works offline. */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.ready;
    return Boolean(registration.active && navigator.serviceWorker.controller);
  });
}

/** Asks the server directly (as an admin would) for every record it holds. */
export async function serverRecords(request: import('@playwright/test').APIRequestContext) {
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: E2E_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const pull = await request.get('/api/sync/pull?since=0&limit=500', {
    headers: { authorization: `Bearer ${token}` },
  });
  return (
    (await pull.json()) as {
      changes: { id: string; type: string; body: Record<string, unknown>; updatedBy: string }[];
    }
  ).changes;
}
