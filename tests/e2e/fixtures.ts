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

/**
 * Words in `scope` that the layout splits across two lines without a hyphen, such as
 * "Муниципалите|ттер": a line that ends and the next that starts with a letter, with no
 * space, hyphen or soft hyphen (which the browser shows as a hyphen) between them.
 */
export async function midWordBreaks(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((root) => {
    const found: string[] = [];
    const letter = /\p{L}/u;
    for (const element of document.querySelectorAll(root)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const range = document.createRange();
        let lastTop: number | undefined;
        let last = -1;
        for (let i = 0; i < text.length; i += 1) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          // A letter just after a break may also report a box at the end of the line above.
          const box = [...range.getClientRects()].at(-1);
          if (!box || box.width === 0) continue;
          if (lastTop !== undefined && box.top > lastTop + box.height / 2) {
            const between = text.slice(last + 1, i);
            if (
              letter.test(text[last] ?? '') &&
              letter.test(text[i] ?? '') &&
              !/[\s\u00ad]/.test(between)
            ) {
              const start = text.slice(0, last + 1).search(/\S+$/);
              const end = text.slice(i).search(/\s|$/);
              found.push(`${text.slice(start, last + 1)}|${text.slice(i, i + end)}`);
            }
          }
          lastTop = box.top;
          last = i;
        }
      }
    }
    return found;
  }, scope);
}

/**
 * Boxes in `scope` whose content is wider than the box (a table that scrolls sideways on a
 * 360 px phone, so its last column starts off-screen), each named by its accessible label.
 */
export async function sidewaysScrolls(page: Page, scope: string): Promise<string[]> {
  return page.evaluate(
    (root) =>
      [...document.querySelectorAll<HTMLElement>(`${root} .table-scroll`)]
        .filter((box) => box.offsetParent !== null && box.scrollWidth > box.clientWidth)
        .map(
          (box) =>
            `${box.getAttribute('aria-label') ?? box.className} ${box.scrollWidth}>${box.clientWidth}`,
        ),
    scope,
  );
}
