import { expect, signIn, test, waitForServiceWorker } from './fixtures.ts';

test('territories arrive with the first sync and are searched offline in any language', async ({
  page,
  context,
}) => {
  await signIn(page, 'aida', 'ky');
  await waitForServiceWorker(page);
  await page.goto('/sync');
  await expect(page.getByText(/^Акыркы ийгиликтүү синхрондоштуруу: /)).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await page.goto('/municipalities');
  await expect(page.getByRole('heading', { level: 1, name: 'Муниципалитеттер' })).toBeVisible();
  // The consultant's own district comes first, with its towns.
  const mine = page.getByRole('region', { name: 'Сиздин райондор' });
  await expect(mine.getByRole('link', { name: /^Ноокен району/ })).toBeVisible();
  await expect(mine.getByRole('link', { name: /^Кочкор-Ата/ })).toBeVisible();

  const search = page.getByLabel('Аталышы боюнча издөө');
  const found = page
    .getByRole('main')
    .getByRole('status')
    .filter({ hasText: /Табылды|табылган жок/ });
  for (const query of ['Кербен', 'kerben']) {
    await search.fill(query);
    await expect(found).toHaveText('Табылды: 1');
    await expect(page.getByRole('link', { name: /^Кербен/ })).toBeVisible();
  }
  await search.fill('Жети-Өгүз');
  await expect(page.getByRole('link', { name: /^Жети-Өгүз району/ })).toBeVisible();
  await search.fill('Бишкек');
  await expect(found).toHaveText('«Бишкек» боюнча эч нерсе табылган жок.');

  await search.fill('Кербен');
  await page.getByRole('link', { name: /^Кербен/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Кербен' })).toBeVisible();
  await expect(page.getByText('Шаар')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Аксы району' })).toBeVisible();
  await context.setOffline(false);
});

test('a note is filed under a named district', async ({ page }) => {
  await signIn(page, 'aida');
  await page.goto('/sync');
  await expect(page.getByText(/^Last successful sync: /)).toBeVisible();
  await page.goto('/notes');
  await expect(page.getByLabel('District')).toHaveText(/Nooken District/);
  await page.getByLabel('Title').fill('Kochkor-Ata hearing planned');
  await page.getByRole('button', { name: 'Save note' }).click();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Kochkor-Ata hearing planned' }),
  ).toContainText('Nooken District');
  await page.goto('/municipalities');
  await page
    .getByRole('link', { name: /^Nooken District/ })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { level: 3, name: 'Kochkor-Ata hearing planned' }),
  ).toBeVisible();
});

test('an admin adds, marks and merges municipalities and edits the work plan; consultants get it', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page, 'admin');
  await page.goto('/municipalities');
  await page.getByLabel('Search by name').fill('Nooken');
  await page.getByRole('link', { name: /^Nooken District/ }).click();
  await page.getByRole('button', { name: 'Add a municipality' }).click();
  const form = page.getByRole('form', { name: 'Add a municipality' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert')).toHaveText('Enter the name in all three languages.');
  await form.getByLabel('Name in Russian').fill('Жаны-Жольский айыльный аймак');
  await form.getByLabel('Name in Kyrgyz').fill('Жаңы-Жол айыл аймагы');
  await form.getByLabel('Name in English').fill('Jany-Jol aiyl aimak');
  await form.getByLabel('Target of the programme').check();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(
    page.getByText('Saved on this device; it reaches everyone with the next sync.'),
  ).toBeVisible();
  const added = page.getByRole('link', { name: /^Jany-Jol aiyl aimak/ });
  await expect(added).toContainText('Target');

  // The territorial reform: the new unit is merged into Kochkor-Ata.
  await added.click();
  await page.getByRole('button', { name: 'Merge into another municipality' }).click();
  await page.getByLabel('Successor').selectOption({ label: 'Kochkor-Ata' });
  await page.getByLabel('Merged on').fill('2025-01-01');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByText('Merged into Kochkor-Ata on 1 January 2025.')).toBeVisible();

  await page.goto('/dashboard');
  const activity = page
    .getByRole('listitem')
    .filter({ hasText: 'Draft SEDPs of 24 municipalities' });
  await expect(activity).toContainText('Target: 30');
  await expect(activity).toContainText('Deadline passed');
  await activity.getByRole('button', { name: 'Edit target and deadline' }).click();
  await activity.getByLabel('Target', { exact: true }).fill('31');
  await activity.getByLabel('Deadline', { exact: true }).fill('2028-06-30');
  await activity.getByRole('button', { name: 'Save' }).click();
  await expect(activity).toContainText('Target: 31');
  await expect(activity).not.toContainText('Deadline passed');

  await page.goto('/sync');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('pending-count')).toHaveText('Nothing waiting to be sent');

  const other = await browser.newContext({ baseURL, viewport: { width: 360, height: 740 } });
  const consultant = await other.newPage();
  await signIn(consultant, 'bakyt', 'ru');
  await consultant.goto('/municipalities');
  await consultant.getByLabel('Поиск по названию').fill('жаңы-жол');
  await consultant.getByRole('link', { name: /^Жаны-Жольский айыльный аймак/ }).click();
  await expect(consultant.getByText('Вошёл в состав «Кочкор-Ата» 1 января 2025 г.')).toBeVisible();
  await consultant.goto('/dashboard');
  await expect(
    consultant.getByRole('listitem').filter({ hasText: 'Проекты ПСЭР 24 муниципалитетов' }),
  ).toContainText('Цель: 31');
  // Consultants read reference data but do not edit it.
  await expect(consultant.getByRole('button', { name: 'Изменить цель и срок' })).toHaveCount(0);
  await other.close();
});
