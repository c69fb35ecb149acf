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

/**
 * The page as a thumb on a 360 px phone meets it: every visible control in `scope` is at
 * least 44 × 44 px (a radio or checkbox by its whole label), and nothing scrolls sideways.
 */
export async function expectPhoneFriendly(page: Page, scope = 'body') {
  const small = await page.evaluate(
    (root) =>
      [...document.querySelectorAll(`${root} a, ${root} button, ${root} select, ${root} input`)]
        .filter((el) => !el.classList.contains('skip-link'))
        .map((el) => (el.closest('label.choice') as HTMLElement | null) ?? (el as HTMLElement))
        .filter((el) => el.offsetParent !== null)
        .map((el) => ({
          el: el.textContent || el.getAttribute('aria-label'),
          box: el.getBoundingClientRect(),
        }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ el, box }) => `${el} ${box.width}x${box.height}`),
    scope,
  );
  expect(small).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}
