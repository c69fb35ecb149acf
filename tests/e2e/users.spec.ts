import type { Browser, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures.ts';

const FIRST_PASSWORD = 'first-pass-2026';
const SECOND_PASSWORD = 'second-pass-2026';

/** A fresh phone: its own storage, nobody signed in. */
async function newPhone(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  return { context, page: await context.newPage() };
}

/** One sign-in attempt on the login screen; the caller checks how it went. */
async function tryToSignIn(page: Page, username: string, password: string) {
  await page.goto('/login?lng=en');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('an admin creates a consultant, resets the password and disables the account', async ({
  page,
  browser,
  baseURL,
}) => {
  const stamp = Date.now();
  const username = `nurlan${stamp}`;
  const name = `Nurlan Test ${stamp}`;

  await signIn(page, 'admin');
  await page.goto('/sync');
  await expect(page.getByText(/^Last successful sync: /)).toBeVisible();
  await page.goto('/settings');
  await page.getByRole('link', { name: 'Manage users' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'Айнура Токтогулова' })).toContainText(
    'Districts: Aksy District',
  );

  await page.getByRole('button', { name: 'New user' }).click();
  const form = page.getByRole('form', { name: 'New user' });
  const password = form.getByLabel('Password', { exact: true });
  await form.getByLabel('Username', { exact: true }).fill(username);
  await form.getByLabel('Full name').fill(name);
  await form.getByRole('radio', { name: /^Consultant/ }).check();
  await form.getByText('Jalal-Abad Region').click();
  await form.getByLabel('Nooken District').check();
  await form.getByLabel('Aksy District').check();
  await password.fill('short');
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByText('A password has at least 8 characters.')).toBeVisible();
  await expect(password).toHaveAccessibleDescription(/^A password has at least 8 characters\./);
  await expect(password).toBeFocused();
  // Nothing typed is lost.
  await expect(form.getByLabel('Username', { exact: true })).toHaveValue(username);
  await expect(form.getByLabel('Full name')).toHaveValue(name);
  await expect(form.getByLabel('Nooken District')).toBeChecked();
  await expect(form.getByLabel('Aksy District')).toBeChecked();

  await password.fill(FIRST_PASSWORD);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`${name} can sign in now.`)).toBeVisible();
  const item = page.getByRole('listitem', { name });
  await expect(item).toContainText(`${username} · Consultant`);
  await expect(item).toContainText('Districts: Aksy District, Nooken District');

  // The new consultant signs in on their phone and finds their two districts.
  const first = await newPhone(browser, baseURL);
  await signIn(first.page, username, 'en', FIRST_PASSWORD);
  await first.page.goto('/sync');
  await expect(first.page.getByText(/^Last successful sync: /)).toBeVisible();
  await first.page.goto('/municipalities');
  const mine = first.page.getByRole('region', { name: 'Your districts' });
  await expect(mine.getByRole('link', { name: /^Nooken District/ })).toBeVisible();
  await expect(mine.getByRole('link', { name: /^Aksy District/ })).toBeVisible();
  await first.context.close();

  // The password is reset: the old one stops working, the new one works.
  await item.getByRole('button', { name: 'Reset password' }).click();
  await item.getByLabel('New password', { exact: true }).fill(SECOND_PASSWORD);
  await item.getByRole('button', { name: 'Save password' }).click();
  await expect(item.getByRole('status')).toHaveText(
    `Password changed. ${name} signs in again on every device with the new one.`,
  );
  const second = await newPhone(browser, baseURL);
  await tryToSignIn(second.page, username, FIRST_PASSWORD);
  await expect(second.page.getByRole('alert')).toHaveText('Wrong username or password.');
  await second.page.getByLabel('Password').fill(SECOND_PASSWORD);
  await second.page.getByRole('button', { name: 'Sign in' }).click();
  await expect(second.page.getByRole('navigation')).toBeVisible();
  await second.context.close();

  // Disabled: signing in fails, even with the right password.
  await item.getByRole('button', { name: 'Disable' }).click();
  const confirm = item.getByRole('alertdialog');
  await expect(confirm).toContainText(`Disable ${name}?`);
  await confirm.getByRole('button', { name: 'Disable' }).click();
  await expect(item.getByText('Disabled', { exact: true })).toBeVisible();
  await expect(item.getByRole('button', { name: 'Enable' })).toBeVisible();
  const third = await newPhone(browser, baseURL);
  await tryToSignIn(third.page, username, SECOND_PASSWORD);
  await expect(third.page.getByRole('alert')).toHaveText('Wrong username or password.');
  await third.context.close();
});

test('offline, the users screen says so and works again when the network returns', async ({
  page,
  context,
}) => {
  const username = `offline${Date.now()}`;
  await signIn(page, 'admin');
  await page.goto('/users');
  await expect(page.getByRole('listitem', { name: 'Аида Осмонова' })).toBeVisible();

  await context.setOffline(true);
  await expect(page.getByText(/^Managing users needs the network\./)).toBeVisible();
  await page.getByRole('button', { name: 'New user' }).click();
  const form = page.getByRole('form', { name: 'New user' });
  await form.getByLabel('Username', { exact: true }).fill(username);
  await form.getByRole('radio', { name: /^Coordinator/ }).check();
  await form.getByLabel('Password', { exact: true }).fill(FIRST_PASSWORD);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(form.getByRole('alert')).toHaveText(/^No connection\./);

  await context.setOffline(false);
  await expect(page.getByText(/^Managing users needs the network\./)).toHaveCount(0);
  await expect(form.getByLabel('Username', { exact: true })).toHaveValue(username);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByText(`${username} can sign in now.`)).toBeVisible();
  await expect(page.getByRole('listitem', { name: username })).toContainText('All districts');
});

test('a consultant is told that only administrators manage users', async ({ page }) => {
  await signIn(page, 'aida', 'ru');
  await page.goto('/settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Настройки' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Управлять пользователями' })).toHaveCount(0);
  await page.goto('/users');
  await expect(page.getByText('Этот раздел доступен только администраторам.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Новый пользователь' })).toHaveCount(0);
});
