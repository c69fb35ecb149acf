import { expect, serverRecords, signIn, test, waitForServiceWorker } from './fixtures.ts';
import { E2E_PASSWORD } from './global-setup.ts';

test('a note saved offline survives a reload, reaches the server and a colleague of the district', async ({
  page,
  context,
  browser,
  request,
  baseURL,
}) => {
  await signIn(page, 'aida');
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.goto('/notes');
  await expect(page.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
  const title = `Women's hearing moved to the school, ${Date.now()}`;
  await page.getByLabel('Title').fill(title);
  await page
    .getByLabel('Note', { exact: true })
    .fill('The hall had no heating; 23 women came once it moved.');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByText('Saved on this device.')).toBeVisible();

  await page.reload();
  const item = page.getByRole('listitem').filter({ hasText: title });
  await expect(item).toBeVisible();
  await expect(item.getByText('Waiting to sync')).toBeVisible();
  await page.goto('/sync');
  await expect(page.getByTestId('pending-count')).toHaveText('1 change waiting to be sent');
  expect((await serverRecords(request)).some((r) => r.body.title === title)).toBe(false);

  // Back online: the `online` event starts a sync by itself.
  await context.setOffline(false);
  await expect(page.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');
  await expect(page.getByText(/^Last successful sync: /)).toBeVisible();
  const onServer = (await serverRecords(request)).filter((r) => r.body.title === title);
  expect(onServer).toHaveLength(1);
  expect(onServer[0]).toMatchObject({ type: 'lessons-note', updatedBy: 'aida' });

  // A colleague of the same district sees it after their pull; one of another district does not.
  for (const [user, sees] of [
    ['bakyt', true],
    ['ainura', false],
  ] as const) {
    const other = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
    const otherPage = await other.newPage();
    await signIn(otherPage, user);
    await otherPage.goto('/notes');
    await expect(otherPage.getByRole('heading', { level: 1, name: 'Field notes' })).toBeVisible();
    const seen = otherPage.getByRole('listitem').filter({ hasText: title });
    if (sees) await expect(seen.getByText('Synced')).toBeVisible();
    else {
      await otherPage.goto('/sync');
      await expect(otherPage.getByText(/^Last successful sync: /)).toBeVisible();
      await otherPage.goto('/notes');
      await expect(seen).toHaveCount(0);
    }
    await other.close();
  }
});

// Signing out with unsynced work: tests/e2e/device-trust.spec.ts.

test('two tabs save and sync side by side without storing anything twice', async ({
  context,
  request,
}) => {
  const first = await context.newPage();
  await signIn(first, 'aida');
  const second = await context.newPage();
  await second.goto('/notes');
  await first.goto('/notes');
  const stamp = Date.now();
  for (const [tab, name] of [
    [first, 'first'],
    [second, 'second'],
    [first, 'third'],
  ] as const) {
    await tab.getByLabel('Title').fill(`Tab note ${name} ${stamp}`);
    await tab.getByRole('button', { name: 'Save note' }).click();
    await expect(tab.getByText('Saved on this device.')).toBeVisible();
  }
  // Both tabs see all three, synced, through the one database.
  for (const tab of [first, second]) {
    await tab.goto('/sync');
    await tab.getByRole('button', { name: 'Sync now' }).click();
    await expect(tab.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');
  }
  const mine = (await serverRecords(request)).filter((r) =>
    String(r.body.title).endsWith(` ${stamp}`),
  );
  expect(mine.map((r) => r.body.title).sort()).toEqual(
    ['first', 'second', 'third'].map((n) => `Tab note ${n} ${stamp}`).sort(),
  );
});

test('a district added to a consultant brings its older records on the next sync', async ({
  page,
  browser,
  baseURL,
  request,
}) => {
  // Ainura (Aksy) files a note; Bakyt (Nooken) has synced already and cannot see it.
  const other = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const ainura = await other.newPage();
  await signIn(ainura, 'ainura');
  await ainura.goto('/notes');
  const title = `Aksy note before the reassignment ${Date.now()}`;
  await ainura.getByLabel('Title').fill(title);
  await ainura.getByRole('button', { name: 'Save note' }).click();
  await expect(ainura.getByRole('listitem').filter({ hasText: title })).toBeVisible();
  await ainura.goto('/sync');
  await ainura.getByRole('button', { name: 'Sync now' }).click();
  await expect(ainura.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');
  await other.close();

  await signIn(page, 'bakyt');
  // Bakyt's own later note moves his pull cursor past Ainura's.
  await page.goto('/notes');
  const later = `Nooken note after it ${Date.now()}`;
  await page.getByLabel('Title').fill(later);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: later })).toBeVisible();
  await page.goto('/sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');
  await page.goto('/notes');
  await expect(page.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);

  // The admin gives Bakyt the Aksy district as well.
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: E2E_PASSWORD },
  });
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  const users = (await (await request.get('/api/admin/users', { headers })).json()) as {
    users: { id: string; username: string }[];
  };
  const bakyt = users.users.find((u) => u.username === 'bakyt');
  const put = await request.put(`/api/admin/users/${bakyt?.id}/districts`, {
    headers,
    data: { districtIds: ['nooken', 'aksy'] },
  });
  expect(put.status()).toBe(200);

  await page.goto('/sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await page.goto('/notes');
  await expect(page.getByRole('listitem').filter({ hasText: title })).toBeVisible();
  await page.goto('/municipalities');
  await expect(
    page
      .getByRole('region', { name: 'Your districts' })
      .getByRole('link', { name: /^Aksy District/ }),
  ).toBeVisible();
  // Put Bakyt back as the other journeys expect.
  await request.put(`/api/admin/users/${bakyt?.id}/districts`, {
    headers,
    data: { districtIds: ['nooken'] },
  });
});

test('a consultant made coordinator signs in again and receives every district', async ({
  page,
  request,
}) => {
  const login = await request.post('/api/auth/login', {
    data: { username: 'admin', password: E2E_PASSWORD },
  });
  const headers = { authorization: `Bearer ${((await login.json()) as { token: string }).token}` };
  // A note in Nooken that Ainura (Aksy) cannot see as a consultant.
  const title = `Nooken note for the new coordinator ${Date.now()}`;
  const created = await request.post('/api/admin/users', {
    headers,
    data: {
      username: `zarina${Date.now()}`,
      displayName: 'Зарина',
      role: 'consultant',
      password: E2E_PASSWORD,
      districtIds: ['aksy'],
    },
  });
  const zarina = ((await created.json()) as { user: { id: string; username: string } }).user;
  await signIn(page, 'bakyt');
  await page.goto('/notes');
  await page.getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: title })).toBeVisible();
  await page.goto('/sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');

  const other = await page
    .context()
    .browser()
    ?.newContext({
      baseURL: page.url().replace(/\/sync$/, ''),
      viewport: { width: 360, height: 740 },
    });
  if (!other) throw new Error('no browser');
  const tab = await other.newPage();
  await signIn(tab, zarina.username);
  // Her own later note moves her pull cursor past Bakyt's.
  await tab.goto('/notes');
  const hers = `Aksy note by the consultant ${Date.now()}`;
  await tab.getByLabel('Title').fill(hers);
  await tab.getByRole('button', { name: 'Save note' }).click();
  await expect(tab.getByRole('listitem').filter({ hasText: hers })).toBeVisible();
  await tab.goto('/sync');
  await tab.getByRole('button', { name: 'Sync now' }).click();
  await expect(tab.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');
  await tab.goto('/notes');
  await expect(tab.getByRole('listitem').filter({ hasText: title })).toHaveCount(0);

  const changed = await request.put(`/api/admin/users/${zarina.id}/role`, {
    headers,
    data: { role: 'coordinator' },
  });
  expect(changed.status()).toBe(200);
  // The role change signed every device out: sync asks for a new sign-in.
  await tab.goto('/sync');
  // Said by the Sync screen's card and, once the sync has run, by the banner too: either.
  await tab.getByRole('link', { name: 'Sign in again' }).first().click();
  await tab.getByLabel('Username').fill(zarina.username);
  await tab.getByLabel('Password').fill(E2E_PASSWORD);
  await tab.getByRole('button', { name: 'Sign in' }).click();
  // Back on the Sync screen once signed in; the sync that follows pulls from the start.
  await expect(tab.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  await expect(tab.getByText('Up to date')).toBeVisible();
  await tab.goto('/notes');
  await expect(tab.getByRole('listitem').filter({ hasText: title })).toBeVisible();
  await other.close();
});
