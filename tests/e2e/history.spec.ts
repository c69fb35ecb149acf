import type { APIRequestContext } from '@playwright/test';
import {
  expect,
  expectPhoneFriendly,
  serverRecords,
  signIn,
  test,
  waitForServiceWorker,
} from './fixtures.ts';
import { E2E_PASSWORD } from './global-setup.ts';

async function serverHistory(request: APIRequestContext, id: string) {
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: E2E_PASSWORD },
  });
  const { token } = (await login.json()) as { token: string };
  const reply = await request.get(`/api/records/${id}/history`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(reply.status()).toBe(200);
  return (await reply.json()) as {
    versions: { rev: number; kind: string; updatedBy: string; body: { venue: string } }[];
  };
}

test('a hearing shows its versions and what changed, and its author restores the first one', async ({
  page,
  context,
  browser,
  baseURL,
  request,
}) => {
  const venue = `School No. 1, ${Date.now()}`;
  await signIn(page, 'aida', 'en');
  await waitForServiceWorker(page);

  // Created online: the empty minutes reach the server as the first version.
  await page.goto('/hearings/new');
  await page.getByLabel('Municipality').selectOption({ label: 'Kochkor-Ata' });
  await page.getByRole('button', { name: 'Start the hearing' }).click();
  await expect(page.getByText('Synced', { exact: true })).toBeVisible();
  const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
  // One edit, synced: the second version.
  await page.getByLabel('Settlement and venue').fill(venue);
  await expect(page.getByText('Waiting to sync', { exact: true })).toBeVisible();
  await expect(page.getByText('Synced', { exact: true })).toBeVisible();
  expect((await serverHistory(request, id)).versions).toHaveLength(2);

  // The history is the server's: offline it says so, and it comes once the network is back.
  await context.setOffline(true);
  await page.getByRole('link', { name: 'History of changes' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'The history is kept on the server. Connect to the internet to see it.',
  );
  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1, name: 'History of changes' })).toBeVisible();
  const versions = page.getByRole('list', { name: 'Versions' }).locator(':scope > li');
  await expect(versions).toHaveCount(2);
  const newest = versions.nth(0);
  const oldest = versions.nth(1);
  await expect(newest).toContainText('Current version');
  await expect(newest).toContainText('By: Аида Осмонова');
  await expect(newest).toContainText('Saved');
  await expect(newest.getByRole('list', { name: 'What changed' }).getByRole('listitem')).toHaveText(
    [`Settlement and venue: empty → ${venue}`],
  );
  await expect(oldest).toContainText('First version.');
  await expect(newest.getByRole('button', { name: 'Restore this version' })).toHaveCount(0);
  await expectPhoneFriendly(page);

  // Restoring asks first, then writes the old content as a new change that syncs.
  page.once('dialog', (dialog) => void dialog.accept());
  await oldest.getByRole('button', { name: 'Restore this version' }).click();
  await expect(page).toHaveURL(new RegExp(`/hearings/${id}$`));
  await expect(page.getByLabel('Settlement and venue')).toHaveValue('');
  await expect(page.getByText('Synced', { exact: true })).toBeVisible();

  const history = await serverHistory(request, id);
  expect(history.versions.map((v) => [v.kind, v.body.venue, v.updatedBy])).toEqual([
    ['applied', '', 'aida'],
    ['applied', venue, 'aida'],
    ['applied', '', 'aida'],
  ]);
  const [v1 = 0, v2 = 0, v3 = 0] = history.versions.map((v) => v.rev);
  expect(v3).toBeGreaterThan(v2);
  expect(v2).toBeGreaterThan(v1);
  const current = (await serverRecords(request)).find((r) => r.id === id);
  expect(current?.body.venue).toBe('');

  // A colleague of the district sees the history, in Russian, but may not restore it.
  const colleague = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const other = await colleague.newPage();
  await signIn(other, 'bakyt', 'ru');
  await other.goto(`/records/${id}/history`);
  const theirs = other.getByRole('list', { name: 'Версии' }).locator(':scope > li');
  await expect(theirs).toHaveCount(3);
  await expect(theirs.nth(0)).toContainText('Автор: Аида Осмонова');
  await expect(theirs.nth(0)).toContainText('Населённый пункт и место проведения:');
  await expect(other.getByRole('button', { name: 'Восстановить эту версию' })).toHaveCount(0);
  await colleague.close();
});
