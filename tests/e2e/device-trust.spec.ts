import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import {
  expect,
  expectPhoneFriendly,
  serverRecords,
  signIn,
  test,
  waitForServiceWorker,
} from './fixtures.ts';
import { E2E_PASSWORD } from './global-setup.ts';

test('signing out with unsynced changes saves only them, encrypted; importing them after signing in again restores and syncs them', async ({
  page,
  context,
  request,
}) => {
  await signIn(page, 'bakyt');
  await waitForServiceWorker(page);
  await context.setOffline(true);
  const stamp = Date.now();
  const title = `Call Жыпар Асанова back ${stamp}`;
  const phone = '+996 555 123 456';
  await page.goto('/notes');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Note', { exact: true }).fill(`Her phone: ${phone}`);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Saved on this device.')).toBeVisible();

  await page.goto('/settings');
  await page.getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Sign out of this device?' });
  await expect(dialog).toContainText('1 change on this device has not reached the server');
  const signOut = dialog.getByRole('button', { name: "Sign out and delete this device's data" });
  await expect(signOut).toBeDisabled();
  await dialog.getByRole('button', { name: 'Save unsynced changes' }).click();

  // Typed twice, long enough.
  const passphrase = 'tulip valley 2025';
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await dialog.getByLabel('Passphrase again').fill('tulip valley 2024');
  await dialog.getByRole('button', { name: 'Save encrypted file' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The two passphrases differ.');
  await expectPhoneFriendly(page, '.main');
  await dialog.getByLabel('Passphrase again').fill(passphrase);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save encrypted file' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^sedp-field-changes-.*\.sedp$/);
  const path = await file.path();
  const bytes = await readFile(path);
  // A file left in Downloads on a shared phone reveals no one's name or phone.
  for (const secret of [title, 'Жыпар', 'Асанова', phone, '555 123', String(stamp)]) {
    expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
  }
  await expect(signOut).toBeEnabled();
  await signOut.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await context.setOffline(false);

  await signIn(page, 'bakyt');
  await page.goto('/sync');
  await page.getByLabel('Import backup').setInputFiles(path);
  await expect(page.getByText('This backup is encrypted. Enter its passphrase.')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
  await page.getByRole('button', { name: 'Open and import' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase');
  await expectPhoneFriendly(page, '.main');
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Open and import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported 1 records and 1 changes.',
  );

  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');
  const onServer = (await serverRecords(request)).filter((r) => r.body.title === title);
  expect(onServer).toHaveLength(1);
  expect(onServer[0]?.body.text).toBe(`Her phone: ${phone}`);
});

async function adminHeaders(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: E2E_PASSWORD },
  });
  return { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
}

async function newConsultant(request: APIRequestContext, districtIds: string[]) {
  const headers = await adminHeaders(request);
  const created = await request.post('/api/admin/users', {
    headers,
    data: {
      username: `trust${Date.now()}`,
      displayName: 'Гүлнара',
      role: 'consultant',
      password: E2E_PASSWORD,
      districtIds,
    },
  });
  expect(created.status()).toBe(201);
  const user = ((await created.json()) as { user: { id: string; username: string } }).user;
  return { ...user, headers };
}

async function addNote(page: Page, title: string, district?: string) {
  await page.goto('/notes');
  if (district) await page.getByLabel('District').selectOption({ label: district });
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: title })).toBeVisible();
}

test('records of a district taken away leave the device at the next sync; unsynced ones stay', async ({
  page,
  context,
  request,
}) => {
  const user = await newConsultant(request, ['nooken', 'aksy']);
  await signIn(page, user.username);
  const stamp = Date.now();
  const synced = `Aksy roster, synced ${stamp}`;
  const unsent = `Aksy roster, not sent ${stamp}`;
  const home = `Nooken roster ${stamp}`;
  await addNote(page, synced, 'Aksy District');
  await addNote(page, home, 'Nooken District');
  await page.goto('/sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');

  await context.setOffline(true);
  await addNote(page, unsent, 'Aksy District');
  const put = await request.put(`/api/admin/users/${user.id}/districts`, {
    headers: user.headers,
    data: { districtIds: ['nooken'] },
  });
  expect(put.status()).toBe(200);
  await context.setOffline(false);
  await page.goto('/sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByText('Changes the server refused')).toBeVisible();

  await page.goto('/notes');
  await expect(page.getByRole('listitem').filter({ hasText: home })).toBeVisible();
  // The unsent change stays until it is sent or backed up; the synced copy is gone.
  await expect(page.getByRole('listitem').filter({ hasText: unsent })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: synced })).toHaveCount(0);
});

test('a disabled account is told why, offered its unsynced changes, and the device wiped', async ({
  page,
  context,
  request,
}) => {
  const user = await newConsultant(request, ['nooken']);
  await signIn(page, user.username);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await addNote(page, `Roster of Кара-Суу ${Date.now()}`);
  const disabled = await request.post(`/api/admin/users/${user.id}/disable`, {
    headers: user.headers,
  });
  expect(disabled.status()).toBe(200);
  // Back online, the app syncs by itself and hears the account is disabled.
  await context.setOffline(false);

  const notice = page.getByRole('alertdialog', { name: 'Account disabled' });
  await expect(notice).toContainText(
    'This account has been disabled by an administrator. The data on this device will be deleted.',
  );
  await expect(notice).toContainText('1 change has not reached the server');
  await notice.getByRole('button', { name: 'Save unsynced changes' }).click();
  await notice.getByLabel('Passphrase', { exact: true }).fill('sheep pasture 7');
  await notice.getByLabel('Passphrase again').fill('sheep pasture 7');
  await expectPhoneFriendly(page, '.main');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Save encrypted file' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.sedp$/);
  await notice.getByRole('button', { name: 'Delete this device’s data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const left = await page.evaluate(
    () =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open('sedp-field');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['records', 'outbox', 'blobs', 'drafts'], 'readonly');
          const counts = ['records', 'outbox', 'blobs', 'drafts'].map((name) =>
            tx.objectStore(name).count(),
          );
          tx.oncomplete = () => resolve(counts.map((c) => c.result as number));
        };
      }),
  );
  expect(left).toEqual([0, 0, 0, 0]);
});
