import { expect, serverRecords, signIn, test } from './fixtures.ts';

test('a tab opened while another is mid-sync sends its change once that tab is closed', async ({
  context,
  request,
}) => {
  const tabA = await context.newPage();
  await signIn(tabA, 'bakyt');
  await tabA.goto('/sync');
  await expect(tabA.getByText(/^Last successful sync: /)).toBeVisible();

  // Tab A's next push never gets its reply: A holds the sync lock while it waits.
  let pushSent = () => {};
  const pushHeld = new Promise<void>((resolve) => {
    pushSent = resolve;
  });
  await tabA.route('**/api/sync/push', () => pushSent());
  const stamp = Date.now();
  await tabA.goto('/notes');
  await tabA.getByLabel('Title').fill(`From tab A ${stamp}`);
  await tabA.getByRole('button', { name: 'Save note' }).click();
  await expect(tabA.getByText('Saved on this device.')).toBeVisible();
  await pushHeld;

  // Tab B opens and writes while A is stuck.
  const tabB = await context.newPage();
  await tabB.goto('/notes');
  await tabB.getByLabel('Title').fill(`From tab B ${stamp}`);
  await tabB.getByRole('button', { name: 'Save note' }).click();
  await expect(tabB.getByText('Saved on this device.')).toBeVisible();
  await tabB.goto('/sync');
  const syncNow = tabB.getByRole('button', { name: 'Sync now' });
  await expect(tabB.getByTestId('pending-count')).toHaveText('2 changes waiting to be sent');
  await expect(syncNow).toBeEnabled();
  await syncNow.click();
  await expect(tabB.getByText('Another tab is syncing now', { exact: false })).toBeVisible();
  // B's own status is not A's "Syncing…".
  await expect(tabB.getByText('Up to date', { exact: true })).toBeVisible();
  await expect(tabB.getByText('Syncing…')).toHaveCount(0);
  await expect(syncNow).toBeEnabled();

  // A is closed before its reply: B sends both changes with nobody touching anything.
  await tabA.close();
  await expect(tabB.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');
  await expect(syncNow).toBeEnabled();
  await expect(tabB.getByText('Another tab is syncing now', { exact: false })).toHaveCount(0);
  const mine = (await serverRecords(request)).filter((r) =>
    String(r.body.title).endsWith(` ${stamp}`),
  );
  expect(mine.map((r) => r.body.title).sort()).toEqual([
    `From tab A ${stamp}`,
    `From tab B ${stamp}`,
  ]);
});
