import { readFile } from 'node:fs/promises';
import {
  expect,
  expectPhoneFriendly,
  serverRecords,
  signIn,
  test,
  waitForServiceWorker,
} from './fixtures.ts';

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
